package nl.amsterdameconomicboard.roadmaps.scorecard.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.result.UpdateResult;
import nl.amsterdameconomicboard.roadmaps.events.EntityKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies an event to the state of its entity in one conditional upsert, keyed by the entity and guarded by the
 * event's revision: a repeated, redelivered or overtaken event matches nothing and changes nothing, so the
 * scorecard counts every change once however often it is delivered.
 */
@Component
public class GuardedUpsert {

    private final MongoTemplate mongo;
    private final ProjectionVersions versions;

    GuardedUpsert(MongoTemplate mongo, ProjectionVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    /**
     * @param key the event's key, {@code challenge/id} (the event contract's record key)
     * @return whether the event changed the state (false for a duplicate or an overtaken event)
     */
    public boolean apply(String key, long revision, Update update, Class<?> state) {
        try {
            UpdateResult result = mongo.upsert(query(where("_id").is(key).and("revision").lt(revision)),
                    update.set("revision", revision), state);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException newerAlreadyApplied) {
            return false; // the entity exists with this or a higher revision
        } finally {
            versions.advance(EntityKey.challengeOf(key)); // after the write, whatever it did
        }
    }
}
