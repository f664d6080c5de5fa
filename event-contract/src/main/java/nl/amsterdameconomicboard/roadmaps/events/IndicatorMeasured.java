package nl.amsterdameconomicboard.roadmaps.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A measurement of an indicator was recorded (typed in, or computed from a register the platform keeps).
 * Carries the indicator's definition as it stood, so that a consumer needs no other source to judge it.
 *
 * @param revision the indicator's revision after this change
 */
public record IndicatorMeasured(
        String challenge,
        String spearhead,
        String indicator,
        IndicatorDefinition definition,
        LocalDate date,
        double value,
        String source,
        String note,
        String recordedBy,
        Instant recordedAt,
        long revision) implements RoadmapEvent {

    public static final EventType TYPE = new EventType("indicator.measured", 1);

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
