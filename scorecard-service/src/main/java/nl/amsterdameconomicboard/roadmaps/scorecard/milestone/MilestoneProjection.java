package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.ErrorCategory;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ChallengeStates;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ProjectionVersions;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Applies milestone events to the milestone states. */
@Component
public class MilestoneProjection {

    private final MongoTemplate mongo;
    private final ChallengeStates states;
    private final ProjectionVersions versions;

    MilestoneProjection(MongoTemplate mongo, ChallengeStates states, ProjectionVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
        this.states = states;
    }

    /** A milestone event as it arrived: its CloudEvent id and its payload. */
    public record Arrived(String eventId, MilestoneStatusChanged event) {
    }

    /**
     * Applies a batch of milestone events, in the order they arrived, with a few writes for the whole batch rather than
     * a few per event: every change recorded in one bulk insert, the states' revisions read in one query, and each
     * milestone's state written once, guarded by its revision as a single event is. Equal to applying them one at a time: an event
     * changes its milestone if its revision is above every revision applied before it (stored, or earlier in the
     * batch), each day keeps its last change, and a repeated or overtaken event changes nothing.
     *
     * @return the events that changed their milestone, in order
     */
    public List<Arrived> apply(List<Arrived> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        // the changes first, then the states: a crash in between leaves the events unacknowledged, and their
        // redelivery finds the changes already there (same ids) and applies the states
        record(batch.stream().map(a -> MilestoneChange.of(a.event().key(), a.event().challenge(), statusAt(a.event()))).toList());
        Map<String, Long> applied = revisions(batch.stream().map(a -> a.event().key()).distinct().toList());
        Map<String, Arrived> newest = new LinkedHashMap<>();
        Map<String, Map<String, MilestoneState.StatusAt>> lastOfDay = new HashMap<>();
        List<Arrived> changed = new ArrayList<>();
        for (Arrived arrived : batch) {
            MilestoneStatusChanged event = arrived.event();
            if (event.revision() <= applied.getOrDefault(event.key(), Long.MIN_VALUE)) {
                continue; // repeated or overtaken
            }
            applied.put(event.key(), event.revision());
            newest.put(event.key(), arrived);
            if (event.changedAt() != null) {
                // above every revision applied so far: its day's last change so far
                lastOfDay.computeIfAbsent(event.key(), k -> new TreeMap<>()).put(MilestoneState.dayOf(event.changedAt()), statusAt(event));
            }
            changed.add(arrived);
        }
        if (!newest.isEmpty()) {
            BulkOperations states = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MilestoneState.class);
            // guarded as each event was: a state another replica moved past meanwhile matches nothing, and the
            // upsert's insert then meets its key and is dropped (newer applied)
            newest.forEach((key, arrived) -> states.upsert(query(where("_id").is(key).and("revision").lt(arrived.event().revision())),
                    state(arrived, lastOfDay.getOrDefault(key, Map.of()))));
            ignoringDuplicates(states);
        }
        newest.values().stream().map(a -> a.event().challenge()).distinct().forEach(versions::advance);
        return changed;
    }

    /** {@link #apply(List)} for one event: whether it changed its milestone. */
    public boolean apply(String eventId, MilestoneStatusChanged event) {
        return !apply(List.of(new Arrived(eventId, event))).isEmpty();
    }

    private static MilestoneState.StatusAt statusAt(MilestoneStatusChanged event) {
        return new MilestoneState.StatusAt(event.revision(), event.status(), event.changedAt(), event.note());
    }

    private static Update state(Arrived arrived, Map<String, MilestoneState.StatusAt> days) {
        MilestoneStatusChanged event = arrived.event();
        Update update = new Update()
                .set("challenge", event.challenge())
                .set("spearhead", event.spearhead())
                .set("milestone", event.milestone())
                .set("titleNl", event.title() == null ? null : event.title().nl())
                .set("titleEn", event.title() == null ? null : event.title().en())
                .set("deadline", event.deadline())
                .set("status", event.status())
                .set("lastEventId", arrived.eventId())
                .set("changedAt", event.changedAt())
                .set("revision", event.revision());
        days.forEach((day, change) -> update.set("days." + day, change));
        return update;
    }

    /** The revision each of these milestones' states was last written at; absent for those not stored yet. */
    private Map<String, Long> revisions(List<String> keys) {
        Query byKey = query(where("_id").in(keys));
        byKey.fields().include("revision");
        Map<String, Long> revisions = new HashMap<>();
        for (Document state : mongo.find(byKey, Document.class, mongo.getCollectionName(MilestoneState.class))) {
            revisions.put(state.getString("_id"), state.get("revision", Number.class).longValue());
        }
        return revisions;
    }

    /**
     * The challenge's milestones and their histories as its service has them now, replacing what the events built;
     * see {@link ChallengeStates}.
     *
     * @param histories each milestone's whole history, by the milestone's key
     */
    public long replace(String challenge, List<MilestoneState> milestones, Map<String, List<MilestoneState.StatusAt>> histories) {
        List<MilestoneChange> changes = histories.entrySet().stream()
                .flatMap(h -> h.getValue().stream().map(change -> MilestoneChange.of(h.getKey(), challenge, change))).toList();
        changes.forEach(mongo::save);
        mongo.remove(query(where("challenge").is(challenge).and("_id").nin(changes.stream().map(MilestoneChange::id).toList())),
                MilestoneChange.class);
        return states.replace(challenge, milestones, MilestoneState::key, MilestoneState.class);
    }

    /** Every change of the milestone the scorecard received, oldest revision first. */
    public List<MilestoneChange> changesOf(String key) {
        return mongo.find(query(where("key").is(key)).with(Sort.by("revision")), MilestoneChange.class);
    }

    private void record(List<MilestoneChange> changes) {
        BulkOperations insert = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MilestoneChange.class);
        changes.forEach(insert::insert);
        ignoringDuplicates(insert); // a change there already: its event was delivered before
    }

    /** Runs the writes; those that met an existing key were redelivered or overtaken, and change nothing. */
    private static void ignoringDuplicates(BulkOperations writes) {
        try {
            writes.execute();
        } catch (BulkOperationException failed) {
            if (!failed.getErrors().stream().allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw failed;
            }
        }
    }

    public List<MilestoneState> ofChallenge(String challenge) {
        return mongo.find(query(where("challenge").is(challenge)), MilestoneState.class);
    }

    /**
     * Moves the whole status histories that states stored before {@code days} existed still carry ({@code history},
     * one entry per change) to {@link MilestoneChange}s and folds them into day entries: in the state, such a history
     * would be loaded with every read of its milestone. Guarded by the revision that was read, so an event applied meanwhile is
     * never undone (the fold is then made again from the state it left).
     *
     * @return how many states were folded
     */
    public int foldWholeHistories() {
        String collection = mongo.getCollectionName(MilestoneState.class);
        int folded = 0;
        Set<String> challenges = new TreeSet<>();
        for (Document state : mongo.find(query(where("history").exists(true)), Document.class, collection)) {
            for (int attempt = 0; state != null && attempt < 10; attempt++) {
                Update fold = new Update().unset("history");
                Document days = state.get("days", Document.class);
                Map<String, Document> lastOfDay = new HashMap<>();
                for (Document change : state.getList("history", Document.class, List.of())) {
                    Date at = change.getDate("at");
                    record(List.of(MilestoneChange.of(state.getString("_id"), state.getString("challenge"), new MilestoneState.StatusAt(revision(change),
                            change.getString("status"), at == null ? null : at.toInstant(), change.getString("note")))));
                    if (at != null) {
                        lastOfDay.merge(MilestoneState.dayOf(at.toInstant()), change, (a, b) -> revision(b) > revision(a) ? b : a);
                    }
                }
                lastOfDay.forEach((day, change) -> {
                    Document kept = days == null ? null : days.get(day, Document.class);
                    if (kept == null || revision(change) > revision(kept)) {
                        fold.set("days." + day, change);
                    }
                });
                if (mongo.updateFirst(query(where("_id").is(state.get("_id")).and("revision").is(state.get("revision"))), fold, collection)
                        .getModifiedCount() > 0) {
                    folded++;
                    challenges.add(state.getString("challenge"));
                    break;
                }
                state = mongo.findOne(query(where("_id").is(state.get("_id")).and("history").exists(true)), Document.class, collection);
            }
        }
        challenges.forEach(versions::advance); // cards computed before the fold lacked these days
        return folded;
    }

    private static long revision(Document change) {
        Number revision = change.get("revision", Number.class);
        return revision == null ? 0L : revision.longValue();
    }
}
