package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.time.Instant;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvents;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorDefinition;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorMeasured;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;

/** Translates indicator changes into the published event contract. */
final class IndicatorEvents {

    private IndicatorEvents() {
    }

    static PendingEvent measured(String challenge, Indicator indicator, Measurement m, long revision) {
        IndicatorMeasured payload = new IndicatorMeasured(challenge, indicator.spearhead(), indicator.id(), definition(indicator),
                m.date(), m.value(), m.source(), m.note(), m.recordedBy(), m.recordedAt(), revision);
        return PendingEvents.of(RoadmapTopics.INDICATORS, IndicatorMeasured.TYPE, payload.key(), m.recordedAt(), payload);
    }

    static PendingEvent changed(String challenge, Indicator indicator, String change, String by, Instant at, long revision) {
        IndicatorChanged payload = new IndicatorChanged(challenge, indicator.spearhead(), indicator.id(), definition(indicator),
                change, by, at, revision);
        return PendingEvents.of(RoadmapTopics.INDICATORS, IndicatorChanged.TYPE, payload.key(), at, payload);
    }

    static PendingEvent snapshot(String challenge, Indicator indicator, String by, Instant at, long revision) {
        IndicatorChanged payload = new IndicatorChanged(challenge, indicator.spearhead(), indicator.id(), definition(indicator), "snapshot",
                by, at, revision, indicator.measurements().stream().map(m -> new IndicatorChanged.Measurement(m.date(), m.value())).toList());
        return PendingEvents.of(RoadmapTopics.INDICATORS, IndicatorChanged.TYPE, payload.key(), at, payload);
    }

    private static IndicatorDefinition definition(Indicator i) {
        return new IndicatorDefinition(new LocalizedText(i.name().nl(), i.name().en()), i.unit(),
                i.baseline() == null ? null : i.baseline().value(), i.baseline() == null ? null : i.baseline().date(),
                i.target(), i.deadline(), i.direction().name(), i.isComputed());
    }
}
