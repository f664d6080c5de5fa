package nl.amsterdameconomicboard.roadmaps.challenge.revision;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import nl.amsterdameconomicboard.roadmaps.challenge.events.OutboxRelay;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one way entities change: read, let the domain decide the change (which may refuse), then write it in one
 * conditional update guarded by the revision that was read. The update carries the change, its history entry and
 * its outgoing event together. With {@code expectedRevision} (If-Match) a revision that moved on is refused (412);
 * without it a concurrent change is re-read and the rules checked again.
 */
@Component
public class RevisionedWrites {

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    RevisionedWrites(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * @param change builds the update from the current state; it must set {@code revision} to the current one plus one
     */
    public <T> T apply(Class<T> type, String kind, String id, OptionalLong expectedRevision, ToLongFunction<T> revisionOf,
                       Function<T, Update> change) {
        for (int attempt = 1; ; attempt++) {
            T current = mongo.findById(id, type);
            if (current == null) {
                throw new NotFoundException(kind, id);
            }
            long revision = revisionOf.applyAsLong(current);
            if (expectedRevision.isPresent() && expectedRevision.getAsLong() != revision) {
                throw new StaleRevisionException(kind, id, expectedRevision.getAsLong(), revision);
            }
            T changed = mongo.findAndModify(query(where("_id").is(id).and("revision").is(revision)), change.apply(current),
                    FindAndModifyOptions.options().returnNew(true), type);
            if (changed != null) {
                relay.publishSoon();
                return changed;
            }
            if (expectedRevision.isPresent()) {
                throw new StaleRevisionException(kind, id, expectedRevision.getAsLong(), revision + 1);
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrentChangeException(kind + " '" + id + "' is being changed by others right now; try again.");
            }
        }
    }
}
