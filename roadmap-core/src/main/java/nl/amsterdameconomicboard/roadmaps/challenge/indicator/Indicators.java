package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ChangeWriter;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ConcurrentChangeException;
import nl.amsterdameconomicboard.roadmaps.challenge.change.EmbeddedList;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Entries;
import nl.amsterdameconomicboard.roadmaps.challenge.change.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.change.PageOf;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.SnapshotSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The indicators of this challenge: their measurements, their targets, and the counts the platform computes. */
@Service
public class Indicators implements SnapshotSource {

    static final String KIND = "Indicator";
    private static final Sort BY_DATE = Entries.newestFirstBy("date", "recordedAt");

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final ChangeWriter writer;
    private final Entries entries;
    private final Map<String, IndicatorComputation> computations;
    private final Clock clock;

    Indicators(MongoTemplate mongo, ChallengeProperties challenge, ChangeWriter writer, Entries entries,
               List<IndicatorComputation> computations, Clock clock) {
        this.entries = entries;
        this.mongo = mongo;
        this.challenge = challenge;
        this.writer = writer;
        this.computations = computations.stream().collect(Collectors.toMap(IndicatorComputation::register, Function.identity()));
        this.clock = clock;
    }

    public PageOf<IndicatorView> list(String spearhead, int page, int size) {
        Query query = spearhead == null ? new Query() : query(where("spearhead").is(spearhead));
        LocalDate today = LocalDate.now(clock);
        return PageOf.read(mongo, query, Sort.by("position"), page, size, Indicator.class, i -> IndicatorView.of(i, today, counted(i)));
    }

    public Optional<Indicator> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Indicator.class));
    }

    public IndicatorView view(Indicator indicator) {
        return IndicatorView.of(indicator, LocalDate.now(clock), counted(indicator));
    }

    /** Every indicator's definition with its series of measurements (thinned to what an event carries). */
    @Override
    public int announceAll(String by) {
        Author author = new Author(challenge.code(), by, clock.instant());
        return writer.announceAll(Indicator.class, i -> i.snapshot(entries.all(i, Indicator.MEASUREMENTS, Measurement.class, BY_DATE), author));
    }

    /** The series, the newest date first (the latest recorded first within a day). */
    public PageOf<Measurement> measurements(Indicator indicator, int page, int size) {
        return entries.page(indicator, Indicator.MEASUREMENTS, Measurement.class, BY_DATE, page, size);
    }

    public PageOf<HistoryEntry> history(Indicator indicator, int page, int size) {
        return entries.page(indicator, Entries.HISTORY, HistoryEntry.class, Entries.NEWEST_FIRST, page, size);
    }

    /** Moves what older versions kept inside the documents (history, the whole series) to their collections. */
    public void moveEmbeddedLists() {
        writer.settleAll(Indicator.class);
        writer.moveEmbedded(Indicator.class, "history", List.of(new EmbeddedList("measurements", Indicator.MEASUREMENTS,
                "recentMeasurements", "measurementCount", "recordedAt", List.of("date", "recordedAt"))));
    }

    /** An indicator of the roadmap document, unless it is there already. */
    public boolean seed(String id, String spearhead, int position, BilingualText name, String unit, Baseline baseline, double target,
                        LocalDate deadline, Direction direction, BilingualText source, String updateFrequency, ComputedFrom computedFrom,
                        Instant at) {
        return writer.insertIfAbsent(Indicator.announced(id, spearhead, position, name, unit, baseline, target, deadline, direction, source,
                updateFrequency, computedFrom, Author.seed(challenge.code(), at))).isPresent();
    }

    /** Records a typed-in value. Computed indicators refuse: their value comes from the register. */
    public Indicator record(String id, MeasurementRequest request, String by, OptionalLong expectedRevision) {
        Author author = new Author(challenge.code(), by, clock.instant());
        return writer.apply(Indicator.class, KIND, id, expectedRevision, current -> current.record(request.date(), request.value(),
                request.source().strip(), blankToNull(request.note()), request.confirmed(), author));
    }

    public Indicator changeTarget(String id, TargetRequest request, String by, OptionalLong expectedRevision) {
        Author author = new Author(challenge.code(), by, clock.instant());
        return writer.apply(Indicator.class, KIND, id, expectedRevision,
                current -> current.changeTarget(request.target(), request.deadline(), request.note().strip(), author));
    }

    /**
     * Brings every computed indicator up to date with its register: a new value becomes a measurement (and an
     * event); an unchanged count writes nothing. Safe to run any time and on several instances.
     */
    public void recomputeAll() {
        for (Indicator indicator : mongo.find(query(where("computedFrom").ne(null)), Indicator.class)) {
            double value = count(indicator).value();
            if (!indicator.differsFrom(value)) {
                continue;
            }
            try {
                Author platform = new Author(challenge.code(), Indicator.COMPUTED_BY, clock.instant());
                writer.apply(Indicator.class, KIND, indicator.id(), OptionalLong.empty(), current -> current.counted(value, platform));
            } catch (ConcurrentChangeException busy) {
                // the next run catches up
            }
        }
    }

    private List<IndicatorComputation.CountedItem> counted(Indicator indicator) {
        return indicator.isComputed() ? count(indicator).items() : List.of();
    }

    private IndicatorComputation.Count count(Indicator indicator) {
        IndicatorComputation computation = computations.get(indicator.computedFrom().register());
        if (computation == null) {
            throw new IllegalStateException("Indicator " + indicator.id() + " is computed from the unknown register "
                    + indicator.computedFrom().register() + "; known: " + computations.keySet());
        }
        return computation.count(indicator.computedFrom());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
