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
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.events.SnapshotSource;
import nl.amsterdameconomicboard.roadmaps.challenge.events.Snapshots;
import nl.amsterdameconomicboard.roadmaps.challenge.history.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.revision.ConcurrentChangeException;
import nl.amsterdameconomicboard.roadmaps.challenge.revision.RevisionedWrites;
import nl.amsterdameconomicboard.roadmaps.challenge.web.InvalidFieldException;
import nl.amsterdameconomicboard.roadmaps.challenge.web.PageOf;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The indicators of this challenge: their measurements, their targets, and the counts the platform computes. */
@Service
public class Indicators implements SnapshotSource {

    static final String KIND = "Indicator";
    static final String COMPUTED_BY = "platform";

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final RevisionedWrites writes;
    private final Map<String, IndicatorComputation> computations;
    private final Snapshots snapshots;
    private final Clock clock;

    Indicators(MongoTemplate mongo, ChallengeProperties challenge, RevisionedWrites writes, List<IndicatorComputation> computations,
               Snapshots snapshots, Clock clock) {
        this.mongo = mongo;
        this.challenge = challenge;
        this.writes = writes;
        this.snapshots = snapshots;
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

    /** Every indicator's definition with its whole series of measurements. */
    @Override
    public int announceAll(String by) {
        return snapshots.announce(Indicator.class, Indicator::id, Indicator::revision,
                (i, revision) -> IndicatorEvents.snapshot(challenge.code(), i, by, clock.instant(), revision));
    }

    /** Records a typed-in value. Computed indicators refuse: their value comes from the register. */
    public Indicator record(String id, MeasurementRequest request, String by, OptionalLong expectedRevision) {
        return writes.apply(Indicator.class, KIND, id, expectedRevision, Indicator::revision, current -> {
            if (current.isComputed()) {
                throw new ComputedIndicatorException(current);
            }
            Instant now = clock.instant();
            Measurement m = new Measurement(UUID.randomUUID().toString(), request.date(), request.value(), request.source().strip(),
                    blankToNull(request.note()), by, now);
            return measured(current, m, "measurement recorded", m.value() + " " + current.unit() + " on " + m.date());
        });
    }

    public Indicator changeTarget(String id, TargetRequest request, String by, OptionalLong expectedRevision) {
        return writes.apply(Indicator.class, KIND, id, expectedRevision, Indicator::revision, current -> {
            if (request.deadline().isBefore(LocalDate.of(2000, 1, 1))) {
                throw new InvalidFieldException("deadline", "must be a real date of the roadmap");
            }
            Instant now = clock.instant();
            long revision = current.revision() + 1;
            Indicator changed = new Indicator(current.id(), current.spearhead(), current.position(), current.name(), current.unit(),
                    current.baseline(), request.target(), request.deadline(), current.direction(), current.source(),
                    current.updateFrequency(), current.computedFrom(), current.measurements(), revision, current.history(), List.of());
            String detail = "target " + current.target() + " by " + current.deadline() + " → " + request.target() + " by "
                    + request.deadline() + ": " + request.note().strip();
            return new Update().set("target", request.target()).set("deadline", request.deadline()).set("revision", revision)
                    .push("history", new HistoryEntry(now, by, "target changed", detail, revision))
                    .push("pendingEvents", IndicatorEvents.changed(challenge.code(), changed, "target-changed", by, now, revision));
        });
    }

    /**
     * Brings every computed indicator up to date with its register: a new value becomes a measurement (and an
     * event); an unchanged count writes nothing. Safe to run any time and on several instances.
     */
    public void recomputeAll() {
        for (Indicator indicator : mongo.find(query(where("computedFrom").ne(null)), Indicator.class)) {
            double value = count(indicator).value();
            if (indicator.latest().map(m -> m.value() == value).orElse(false)) {
                continue;
            }
            try {
                writes.apply(Indicator.class, KIND, indicator.id(), OptionalLong.empty(), Indicator::revision, current -> {
                    Instant now = clock.instant();
                    Measurement m = new Measurement(UUID.randomUUID().toString(), LocalDate.now(clock), value,
                            "computed from the register " + current.computedFrom().register(), null, COMPUTED_BY, now);
                    return measured(current, m, "value computed", value + " " + current.unit());
                });
            } catch (ConcurrentChangeException busy) {
                // the next run catches up
            }
        }
    }

    private Update measured(Indicator current, Measurement m, String action, String detail) {
        long revision = current.revision() + 1;
        return new Update().push("measurements", m).set("revision", revision)
                .push("history", new HistoryEntry(m.recordedAt(), m.recordedBy(), action, detail, revision))
                .push("pendingEvents", IndicatorEvents.measured(challenge.code(), current, m, revision));
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
