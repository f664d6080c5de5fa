package nl.amsterdameconomicboard.roadmaps.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An indicator was announced or its definition changed (target, deadline, baseline). The first event of an indicator
 * has {@code change = "announced"}; a {@code "snapshot"} re-announces its whole current state, its series included,
 * so that a new consumer can start without the older events. After an import of measurements
 * ({@code change = "measurements-imported"}: many values in one change, hence one revision) it carries the series the
 * same way, and a consumer replaces what it knew of the series, as for a snapshot.
 *
 * @param measurements only in a snapshot or after an import (null otherwise): the series in date order, at most one value per day (the
 *                     latest recorded) and at most {@value #MAX_MEASUREMENTS} values; a longer series is thinned to the
 *                     latest value of that many equal spans of time, the latest value always included
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
    /** Keeps a snapshot about 20 KB, far below Kafka's 1 MiB record limit, however long the series grew. */
    public static final int MAX_MEASUREMENTS = 500;

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
