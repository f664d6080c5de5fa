package nl.amsterdameconomicboard.roadmaps.scorecard;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param challenges the Board's challenges, in the order of the overview; shown even before their first event */
@ConfigurationProperties("scorecard")
public record ScorecardProperties(List<String> challenges) {
}
