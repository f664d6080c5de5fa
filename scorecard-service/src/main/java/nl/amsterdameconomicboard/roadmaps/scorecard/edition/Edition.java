package nl.amsterdameconomicboard.roadmaps.scorecard.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.ChallengeScorecard;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.RoadmapItems;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published scorecard edition: a frozen, dated copy of every challenge's scorecard, with its milestones and
 * initiatives as they stood (null in editions published before those were kept). Stored once and never changed; its
 * id is its permanent address ({@code /api/scorecards/editions/{id}}).
 */
@Document("editions")
public record Edition(@Id String id, String title, String note, @Indexed Instant publishedAt, String publishedBy, LocalDate asOf,
                      List<ChallengeScorecard> challenges, List<RoadmapItems.Milestone> milestones,
                      List<RoadmapItems.Initiative> initiatives) {
}
