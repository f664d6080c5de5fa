package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvents;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorDefinition;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorMeasured;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;

/** Translates indicator changes into the published event contract; the only place that knows both. */
final class IndicatorEvents {

    private IndicatorEvents() {
    }

    static PendingEvent measured(Indicator indicator, Measurement m, Author author) {
        IndicatorMeasured payload = new IndicatorMeasured(author.challenge(), indicator.spearhead(), indicator.id(), definition(indicator),
                m.date(), m.value(), m.source(), m.note(), m.recordedBy(), m.recordedAt(), indicator.revision());
        return PendingEvents.of(RoadmapTopics.INDICATORS, IndicatorMeasured.TYPE, payload.key(), m.recordedAt(), payload);
    }

    static PendingEvent changed(Indicator indicator, String change, Author author) {
        IndicatorChanged payload = new IndicatorChanged(author.challenge(), indicator.spearhead(), indicator.id(), definition(indicator),
                change, author.by(), author.at(), indicator.revision());
        return PendingEvents.of(RoadmapTopics.INDICATORS, IndicatorChanged.TYPE, payload.key(), author.at(), payload);
    }

    static PendingEvent snapshot(Indicator indicator, Author author) {
        IndicatorChanged payload = new IndicatorChanged(author.challenge(), indicator.spearhead(), indicator.id(), definition(indicator),
                "snapshot", author.by(), author.at(), indicator.revision(),
                indicator.measurements().stream().map(m -> new IndicatorChanged.Measurement(m.date(), m.value())).toList());
        return PendingEvents.of(RoadmapTopics.INDICATORS, IndicatorChanged.TYPE, payload.key(), author.at(), payload);
    }

    private static IndicatorDefinition definition(Indicator i) {
        return new IndicatorDefinition(new LocalizedText(i.name().nl(), i.name().en()), i.unit(),
                i.baseline() == null ? null : i.baseline().value(), i.baseline() == null ? null : i.baseline().date(),
                i.target(), i.deadline(), i.direction().name(), i.isComputed());
    }
}
