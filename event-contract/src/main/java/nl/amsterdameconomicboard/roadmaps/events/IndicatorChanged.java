package nl.amsterdameconomicboard.roadmaps.events;

import java.time.Instant;

/**
 * An indicator was announced or its definition changed (target, deadline, baseline).
 * The first event of an indicator has {@code change = "announced"}.
 */
public record IndicatorChanged(
        String challenge,
        String spearhead,
        String indicator,
        IndicatorDefinition definition,
        String change,
        String changedBy,
        Instant changedAt,
        long revision) {

    public static final EventType TYPE = new EventType("indicator.changed", 1);

    public String key() {
        return EntityKey.of(challenge, indicator);
    }
}
