package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.events.OutboxRelay;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The milestones of this challenge and the one way to change their status. */
@Service
public class Milestones {

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final OutboxRelay relay;
    private final Clock clock;

    Milestones(MongoTemplate mongo, ChallengeProperties challenge, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.challenge = challenge;
        this.relay = relay;
        this.clock = clock;
    }

    public List<Milestone> all() {
        return mongo.find(new Query().with(Sort.by("position")), Milestone.class);
    }

    public Optional<Milestone> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Milestone.class));
    }

    /**
     * Changes the status in one conditional write of the milestone document: status, history entry and the
     * pending event together, guarded by the revision that was read. With {@code expectedRevision} (from If-Match)
     * a revision that moved on is refused; without it, a concurrent change is re-read and the rules re-checked.
     */
    public Milestone changeStatus(String id, MilestoneStatus target, String note, String by, boolean byAdmin,
                                  OptionalLong expectedRevision) {
        for (int attempt = 1; ; attempt++) {
            Milestone current = byId(id).orElseThrow(() -> new MilestoneNotFoundException(id));
            if (expectedRevision.isPresent() && expectedRevision.getAsLong() != current.revision()) {
                throw new StaleRevisionException(id, expectedRevision.getAsLong(), current.revision());
            }
            StatusChange change = current.changeStatus(target, note, by, byAdmin, clock.instant());
            PendingEvent event = MilestoneEvents.statusChanged(challenge.code(), current, change);
            Update update = new Update()
                    .set("status", change.to())
                    .set("lastChangedAt", change.at())
                    .set("revision", change.revision())
                    .push("statusChanges", change)
                    .push("pendingEvents", event);
            Milestone changed = mongo.findAndModify(
                    query(where("_id").is(id).and("revision").is(current.revision())),
                    update, FindAndModifyOptions.options().returnNew(true), Milestone.class);
            if (changed != null) {
                relay.publishSoon();
                return changed;
            }
            if (expectedRevision.isPresent()) {
                throw new StaleRevisionException(id, expectedRevision.getAsLong(), current.revision() + 1);
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrentChangeException("Milestone '" + id + "' is being changed by others right now; try again.");
            }
        }
    }
}
