package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Aggregate;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Appended;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Change;
import nl.amsterdameconomicboard.roadmaps.challenge.change.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.change.InvalidFieldException;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Recent;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorProgress;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measurable target of a spearhead (or of the whole challenge when {@code spearhead} is null), with its
 * measurements as a time series. The series lives in {@value #MEASUREMENTS}; the document keeps what the rules need.
 *
 * @param updateFrequency    ISO-8601 period (e.g. P3M) within which a new value is expected
 * @param computedFrom       set when the platform counts the value from a register
 * @param recentMeasurements the latest {@link Recent#KEPT} by date (oldest first): the latest value is always among them
 * @param measurementCount   how many measurements the series has
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
        List<Measurement> recentMeasurements,
        long measurementCount,
        long revision,
        List<PendingEvent> pendingEvents) implements Aggregate<HistoryEntry> {

    /** The collection of every measurement, keyed by indicator and revision. */
    static final String MEASUREMENTS = "measurements";
    /** Which measurement is the latest: the newest date, then the latest recorded. */
    static final Comparator<Measurement> BY_DATE = Comparator.comparing(Measurement::date).thenComparing(Measurement::recordedAt);

    public Indicator {
        recentMeasurements = recentMeasurements == null ? List.of() : recentMeasurements; // a document of an older version, until moved
    }

    public static final String DEFAULT_UPDATE_FREQUENCY = "P3M";
    /** Who records the values the platform counts itself. */
    static final String COMPUTED_BY = "platform";
    private static final LocalDate EARLIEST_DEADLINE = LocalDate.of(2000, 1, 1);

    /** An indicator of the roadmap document, announced to the scorecard by its first event. */
    static Change<Indicator, HistoryEntry> announced(String id, String spearhead, int position, BilingualText name, String unit,
                                                     Baseline baseline, double target, LocalDate deadline, Direction direction,
                                                     BilingualText source, String updateFrequency, ComputedFrom computedFrom,
                                                     Author author) {
        String frequency = updateFrequency == null ? DEFAULT_UPDATE_FREQUENCY : Period.parse(updateFrequency).toString();
        Indicator indicator = new Indicator(id, spearhead, position, name, unit, baseline, target, deadline, direction, source, frequency,
                computedFrom, List.of(), 0, 1, List.of());
        HistoryEntry entry = new HistoryEntry(author.at(), author.by(), "announced", "From the Board's roadmap document", 1);
        return new Change<>(indicator, entry, IndicatorEvents.changed(indicator, "announced", author));
    }

    public boolean isComputed() {
        return computedFrom != null;
    }

    /**
     * A value typed in; refused for an indicator the platform counts from a register, when it does not fit the unit
     * (a negative count, a percentage above 100), and when it is far outside the indicator's known range unless the
     * caller confirms it ({@code confirmed}): a slip of the finger must not become the latest value and its projection.
     */
    Change<Indicator, HistoryEntry> record(LocalDate date, double value, String source, String note, boolean confirmed, Author author) {
        requireTypedIn();
        requireFitsUnit(value);
        Optional<KnownRange> range = implausibleRange(value);
        if (range.isPresent() && !confirmed) {
            throw new ImplausibleValueException(format(value), unitWords(), range.get().low(), range.get().high());
        }
        String detail = value + " " + unit + " on " + date + (range.isPresent() ? " (confirmed although far outside " + range.get() + ")" : "");
        return measured(new Measurement(UUID.randomUUID().toString(), date, value, source, note, author.by(), author.at()),
                "measurement recorded", detail, HistoryEntry.Facts.measured(value, unit, date, range.isPresent()), author);
    }

    private void requireFitsUnit(double value) {
        String misfit = quantity().refusal(value);
        if (misfit != null) {
            throw new InvalidFieldException("value", misfit, unitWords());
        }
    }

    /** What the unit measures ({@link Quantity}). */
    public Quantity quantity() {
        return Quantity.of(unit);
    }

    /**
     * The range of the baseline, the recent values and the target (and zero, except for a rate), when {@code value} lies further outside it than
     * {@value #PLAUSIBLE_WIDTHS} times its width (at least a tenth of its largest magnitude, and at least 1): a tenfold
     * slip or a few zeros too many, not the ordinary surprise of a good or bad quarter.
     */
    Optional<KnownRange> implausibleRange(double value) {
        List<Double> known = new java.util.ArrayList<>(recentMeasurements.stream().map(Measurement::value).toList());
        known.add(target);
        if (baseline != null && baseline.value() != null) {
            known.add(baseline.value());
        }
        if (quantity() != Quantity.RATE) {
            known.add(0.0); // a count or an amount may start from nothing: a value below the baseline is news, not a typo
        }
        double low = known.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = known.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double width = Math.max(high - low, Math.max(1, Math.max(Math.abs(low), Math.abs(high)) / 10));
        boolean far = value > high + PLAUSIBLE_WIDTHS * width || value < low - PLAUSIBLE_WIDTHS * width;
        return far ? Optional.of(new KnownRange(format(low), format(high), unit)) : Optional.empty();
    }

    /** What an indicator has known and aims at, from its lowest to its highest value, for a message. */
    record KnownRange(String low, String high, String unit) {

        @Override
        public String toString() {
            return low + " to " + high + " " + unit;
        }
    }

    /** The unit's name in both languages, for a refusal's message. */
    Refusal.Words unitWords() {
        BilingualText name = Units.name(unit);
        return name == null ? new Refusal.Words("", "") : new Refusal.Words(name.en(), name.nl());
    }

    /** How many widths of the known range a value may lie outside it before it needs confirming. */
    static final int PLAUSIBLE_WIDTHS = 2;

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * Values typed in at once (an import): the rules of {@link #record} (the plausibility check is the import's, row by row), and one change for all of them: one
     * revision, one history entry, each value its own entry of the series, and one event that carries the series
     * with them ({@code series}: what is stored so far), as a snapshot does, since one event per value would all share
     * the revision the scorecard counts by.
     */
    Change<Indicator, HistoryEntry> recordAll(List<ImportedValue> values, List<Measurement> series, Author author) {
        requireTypedIn();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an import of nothing is no change");
        }
        values.forEach(v -> requireFitsUnit(v.value()));
        long next = revision + 1;
        List<Measurement> added = values.stream().map(v -> new Measurement(UUID.randomUUID().toString(), v.date(), v.value(), v.source(),
                v.note(), author.by(), author.at())).toList();
        List<Measurement> recent = recentMeasurements;
        List<Appended> appended = new ArrayList<>(added.size());
        for (Measurement m : added) {
            recent = Recent.with(recent, m, BY_DATE);
            appended.add(new Appended(MEASUREMENTS, next, appended.size(), m));
        }
        Indicator changed = new Indicator(id, spearhead, position, name, unit, baseline, target, deadline, direction, source,
                updateFrequency, computedFrom, recent, measurementCount + added.size(), next, pendingEvents);
        LocalDate first = added.stream().map(Measurement::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = added.stream().map(Measurement::date).max(Comparator.naturalOrder()).orElseThrow();
        String detail = added.size() + (added.size() == 1 ? " value" : " values") + " from " + first + " to " + last + " imported";
        List<Measurement> whole = new ArrayList<>(series);
        whole.addAll(added);
        return new Change<>(changed, new HistoryEntry(author.at(), author.by(), "measurements imported", detail, next,
                        HistoryEntry.Facts.imported(added.size(), first, last)),
                IndicatorEvents.imported(changed, whole, author), appended);
    }

    /** A value of an import: what one row of the file says. */
    record ImportedValue(LocalDate date, double value, String source, String note) {

        /** A stored value as a row would give it: equal rows and values are the same day, value, source and note. */
        static ImportedValue of(Measurement m) {
            return new ImportedValue(m.date(), m.value(), m.source(), m.note());
        }
    }

    private void requireTypedIn() {
        if (isComputed()) {
            throw new ComputedIndicatorException(this);
        }
    }

    /** The register's count as today's value; the author is the platform. */
    Change<Indicator, HistoryEntry> counted(double value, Author author) {
        Measurement m = new Measurement(UUID.randomUUID().toString(), LocalDate.ofInstant(author.at(), ZoneOffset.UTC), value,
                "computed from the register " + computedFrom.register(), null, author.by(), author.at());
        return measured(m, "value computed", value + " " + unit, HistoryEntry.Facts.measured(value, unit, m.date(), false), author);
    }

    /** Whether the register's count differs from the latest value, so that an unchanged count writes nothing. */
    boolean differsFrom(double count) {
        return latest().map(m -> m.value() != count).orElse(true);
    }

    Change<Indicator, HistoryEntry> changeTarget(double newTarget, LocalDate newDeadline, String note, Author author) {
        String misfit = quantity().refusal(newTarget);
        if (misfit != null) {
            throw new InvalidFieldException("target", misfit, unitWords());
        }
        if (newDeadline.isBefore(EARLIEST_DEADLINE)) {
            throw new InvalidFieldException("deadline", "indicator.deadline.unreal");
        }
        long next = revision + 1;
        Indicator changed = new Indicator(id, spearhead, position, name, unit, baseline, newTarget, newDeadline, direction, source,
                updateFrequency, computedFrom, recentMeasurements, measurementCount, next, pendingEvents);
        String detail = "target " + target + " by " + deadline + " → " + newTarget + " by " + newDeadline + ": " + note;
        return new Change<>(changed, new HistoryEntry(author.at(), author.by(), "target changed", detail, next,
                        HistoryEntry.Facts.target(target, deadline, newTarget, newDeadline, unit, note)),
                IndicatorEvents.changed(changed, "target-changed", author));
    }

    /** Its definition and its series (thinned, see {@link IndicatorEvents}) as an event at its current revision, for a scorecard to start from. */
    PendingEvent snapshot(List<Measurement> series, Author author) {
        return IndicatorEvents.snapshot(this, series, author);
    }

    /** The newest measurement by date (the latest recorded one when two share a date). */
    public Optional<Measurement> latest() {
        return recentMeasurements.stream().max(BY_DATE);
    }

    /** No value newer than the update frequency allows; computed indicators are always current. */
    public boolean isStale(LocalDate today) {
        if (isComputed()) {
            return false;
        }
        LocalDate latest = latest().map(Measurement::date).orElse(baseline == null ? null : baseline.date());
        return latest == null || latest.plus(Period.parse(updateFrequency)).isBefore(today);
    }

    /** How far toward the target the latest value has come ({@link IndicatorProgress}); empty without a value. */
    public Optional<Double> progress() {
        return latest().map(m -> IndicatorProgress.of(baseline == null ? null : baseline.value(), target, m.value()));
    }

    private Change<Indicator, HistoryEntry> measured(Measurement m, String action, String detail, HistoryEntry.Facts facts, Author author) {
        long next = revision + 1;
        Indicator changed = new Indicator(id, spearhead, position, name, unit, baseline, target, deadline, direction, source,
                updateFrequency, computedFrom, Recent.with(recentMeasurements, m, BY_DATE), measurementCount + 1, next, pendingEvents);
        return new Change<>(changed, new HistoryEntry(author.at(), author.by(), action, detail, next, facts),
                IndicatorEvents.measured(changed, m, author), List.of(new Appended(MEASUREMENTS, next, m)));
    }
}
