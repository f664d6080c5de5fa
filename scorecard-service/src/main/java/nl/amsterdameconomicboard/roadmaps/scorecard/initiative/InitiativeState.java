package nl.amsterdameconomicboard.roadmaps.scorecard.initiative;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An initiative as far as the scorecard needs it: where it belongs, whether it runs, how many partners. */
@Document("initiative_states")
public record InitiativeState(@Id String key, @Indexed String challenge, String spearhead, String initiative, String titleNl,
                              String status, int partners, long revision, String titleEn) {
}
