package nl.amsterdameconomicboard.roadmaps.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An indicator was announced or its definition changed (target, deadline, baseline). The first event of an indicator
 * has {@code change = "announced"}; a {@code "snapshot"} re-announces its whole current state, measurements included,
 * so that a new consumer can start without the older events.
 *
 * @param measurements the whole series, only in a snapshot (null otherwise)
 */
public record IndicatorChanged(
        String challenge,
        String spearhead,
        String indicator,
        IndicatorDefinition definition,
        String change,
        String changedBy,
        Instant changedAt,
        long revision,
        List<Measurement> measurements) implements RoadmapEvent {

    public static final EventType TYPE = new EventType("indicator.changed", 1);

    /** One value of the series: the value on a day. */
    public record Measurement(LocalDate date, double value) {
    }

    public IndicatorChanged(String challenge, String spearhead, String indicator, IndicatorDefinition definition, String change,
                            String changedBy, Instant changedAt, long revision) {
        this(challenge, spearhead, indicator, definition, change, changedBy, changedAt, revision, null);
    }

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public String key() {
        return EntityKey.of(challenge, indicator);
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.on(this);
    }
}
