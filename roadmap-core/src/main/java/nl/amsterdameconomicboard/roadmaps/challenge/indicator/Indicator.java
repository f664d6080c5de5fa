package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.history.HistoryEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measurable target of a spearhead (or of the whole challenge when {@code spearhead} is null), with its
 * measurements as a time series. Changes, history and outgoing events are one document write, as for milestones.
 *
 * @param updateFrequency ISO-8601 period (e.g. P3M) within which a new value is expected
 * @param computedFrom    set when the platform counts the value from a register
 */
@Document("indicators")
public record Indicator(
        @Id String id,
        String spearhead,
        int position,
        BilingualText name,
        String unit,
        Baseline baseline,
        double target,
        LocalDate deadline,
        Direction direction,
        BilingualText source,
        String updateFrequency,
        ComputedFrom computedFrom,
        List<Measurement> measurements,
        long revision,
        List<HistoryEntry> history,
        List<PendingEvent> pendingEvents) {

    public static final String DEFAULT_UPDATE_FREQUENCY = "P3M";

    public boolean isComputed() {
        return computedFrom != null;
    }

    /** The newest measurement by date (the latest recorded one when two share a date). */
    public Optional<Measurement> latest() {
        return measurements.stream().max(Comparator.comparing(Measurement::date).thenComparing(Measurement::recordedAt));
    }

    /** No value newer than the update frequency allows; computed indicators are always current. */
    public boolean isStale(LocalDate today) {
        if (isComputed()) {
            return false;
        }
        LocalDate latest = latest().map(Measurement::date).orElse(baseline == null ? null : baseline.date());
        return latest == null || latest.plus(Period.parse(updateFrequency)).isBefore(today);
    }

    /**
     * Share of the way from baseline (or zero) to target that the latest value has come, 0 to 1; for DOWN
     * indicators the way down. Empty without a value, or when baseline and target coincide.
     */
    public Optional<Double> progress() {
        Optional<Measurement> latest = latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        double start = baseline != null && baseline.value() != null ? baseline.value() : 0;
        double way = target - start;
        if (way == 0) {
            return Optional.empty();
        }
        double share = (latest.get().value() - start) / way;
        return Optional.of(Math.round(Math.max(0, Math.min(1, share)) * 1000) / 1000.0);
    }
}
