package nl.amsterdameconomicboard.roadmaps.challenge.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores a snapshot event in each document of a collection, guarded by the revision it describes: if the entity
 * changed meanwhile, its newer change event supersedes the snapshot, which is then not stored at all.
 */
@Component
public class Snapshots {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    Snapshots(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public <T> int announce(Class<T> type, Function<T, Object> id, ToLongFunction<T> revision, BiFunction<T, Long, PendingEvent> snapshot) {
        int announced = 0;
        for (T entity : mongo.findAll(type)) {
            long current = revision.applyAsLong(entity);
            announced += (int) mongo.updateFirst(query(where("_id").is(id.apply(entity)).and("revision").is(current)),
                    new Update().push("pendingEvents", snapshot.apply(entity, current)), type).getModifiedCount();
        }
        relay.publishSoon();
        return announced;
    }
}
