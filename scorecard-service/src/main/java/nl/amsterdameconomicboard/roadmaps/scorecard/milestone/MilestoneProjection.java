package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ChallengeStates;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.GuardedUpsert;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ProjectionVersions;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Applies milestone events to the milestone states. */
@Component
public class MilestoneProjection {

    private final MongoTemplate mongo;
    private final GuardedUpsert upsert;
    private final ChallengeStates states;
    private final ProjectionVersions versions;

    MilestoneProjection(MongoTemplate mongo, GuardedUpsert upsert, ChallengeStates states, ProjectionVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
        this.upsert = upsert;
        this.states = states;
    }

    public boolean apply(String eventId, MilestoneStatusChanged event) {
        // the change first, then the state: a crash in between leaves the event unacknowledged, and its redelivery
        // finds the change already there (same id) and applies the state
        record(MilestoneChange.of(event.key(), event.challenge(),
                new MilestoneState.StatusAt(event.revision(), event.status(), event.changedAt(), event.note())));
        Update update = new Update()
                .set("challenge", event.challenge())
                .set("spearhead", event.spearhead())
                .set("milestone", event.milestone())
                .set("titleNl", event.title() == null ? null : event.title().nl())
                .set("titleEn", event.title() == null ? null : event.title().en())
                .set("deadline", event.deadline())
                .set("status", event.status())
                .set("lastEventId", eventId)
                .set("changedAt", event.changedAt());
        if (event.changedAt() != null) {
            // the guard lets only a revision above every applied one through: it is its day's last change so far
            update.set("days." + MilestoneState.dayOf(event.changedAt()),
                    new MilestoneState.StatusAt(event.revision(), event.status(), event.changedAt(), event.note()));
        }
        return upsert.apply(event.key(), event.revision(), update, MilestoneState.class);
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

    private void record(MilestoneChange change) {
        try {
            mongo.insert(change);
        } catch (DuplicateKeyException redelivered) {
            // the change is there already: the event was delivered before, and its state may not have been applied
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
                    record(MilestoneChange.of(state.getString("_id"), state.getString("challenge"), new MilestoneState.StatusAt(revision(change),
                            change.getString("status"), at == null ? null : at.toInstant(), change.getString("note"))));
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
