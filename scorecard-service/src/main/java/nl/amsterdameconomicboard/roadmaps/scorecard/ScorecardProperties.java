package nl.amsterdameconomicboard.roadmaps.scorecard;

import java.util.List;

/**
 * @param challenges the Board's challenges, in the order of the overview; shown even before their first event. From
 *                   the challenge registry ({@link ChallengeRegistryConfiguration}), not from this service's configuration.
 */
public record ScorecardProperties(List<String> challenges) {
}
