package nl.amsterdameconomicboard.roadmaps.scorecard.spearhead;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A spearhead's name and place, so that scorecards name and order spearheads as the roadmap does. */
@Document("spearhead_states")
public record SpearheadState(@Id String key, @Indexed String challenge, String spearhead, String titleNl, String titleEn, int position,
                             long revision) {
}
