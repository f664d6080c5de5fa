package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
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

    /** The change of an event that carries the series after an import (see the event contract). */
    static final String IMPORTED = "measurements-imported";

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

    static PendingEvent snapshot(Indicator indicator, List<Measurement> series, Author author) {
        IndicatorChanged payload = new IndicatorChanged(author.challenge(), indicator.spearhead(), indicator.id(), definition(indicator),
                "snapshot", author.by(), author.at(), indicator.revision(), thinned(series));
        return PendingEvents.of(RoadmapTopics.INDICATORS, IndicatorChanged.TYPE, payload.key(), author.at(), payload);
    }

    /** An import's values, announced with the whole series as a snapshot carries it: the scorecard replaces what it knew. */
    static PendingEvent imported(Indicator indicator, List<Measurement> series, Author author) {
        IndicatorChanged payload = new IndicatorChanged(author.challenge(), indicator.spearhead(), indicator.id(), definition(indicator),
                IMPORTED, author.by(), author.at(), indicator.revision(), thinned(series));
        return PendingEvents.of(RoadmapTopics.INDICATORS, IndicatorChanged.TYPE, payload.key(), author.at(), payload);
    }

    /**
     * The series as a snapshot carries it (see the event contract): the latest value of each day, and when that is
     * more than {@link IndicatorChanged#MAX_MEASUREMENTS} days, the latest value of each of that many equal spans
     * from the first day to the last, so an event stays far below Kafka's record limit whatever was recorded. The
     * latest value stays exact; the scorecard's trend line, fitted through evenly spread values, barely moves.
     */
    static List<IndicatorChanged.Measurement> thinned(List<Measurement> series) {
        TreeMap<LocalDate, Measurement> latestOfDay = new TreeMap<>();
        series.forEach(m -> latestOfDay.merge(m.date(), m, BinaryOperator.maxBy(Indicator.BY_DATE)));
        Collection<Measurement> kept = latestOfDay.values();
        if (kept.size() > IndicatorChanged.MAX_MEASUREMENTS) {
            long first = latestOfDay.firstKey().toEpochDay();
            long days = latestOfDay.lastKey().toEpochDay() - first + 1;
            TreeMap<Long, Measurement> latestOfSpan = new TreeMap<>();
            kept.forEach(m -> latestOfSpan.put((m.date().toEpochDay() - first) * IndicatorChanged.MAX_MEASUREMENTS / days, m)); // in date order: the last wins
            kept = latestOfSpan.values();
        }
        return kept.stream().map(m -> new IndicatorChanged.Measurement(m.date(), m.value())).toList();
    }

    private static IndicatorDefinition definition(Indicator i) {
        return new IndicatorDefinition(new LocalizedText(i.name().nl(), i.name().en()), i.unit(),
                i.baseline() == null ? null : i.baseline().value(), i.baseline() == null ? null : i.baseline().date(),
                i.target(), i.deadline(), i.direction().name(), i.isComputed());
    }
}
