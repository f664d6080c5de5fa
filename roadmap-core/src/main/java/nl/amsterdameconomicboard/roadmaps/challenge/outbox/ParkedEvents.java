package nl.amsterdameconomicboard.roadmaps.challenge.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The events Kafka refused for good, kept in their own collection with the reason and time, one document per event
 * (keyed by its id), until an admin sends one again. A parked event is kept exactly as it was pending, so a retry
 * publishes the same event, with the same id.
 *
 * <p>Moving an event between its entity's document and this collection takes two writes; each move writes the
 * target first and removes the source second, so a crash in between leaves the event in both places, never in
 * neither: parked and still pending, the relay tries it again and parks it again (same key); pending again and still
 * parked, the next retry finds it pending already and only removes the parked copy.
 */
@Component
public class ParkedEvents {

    /** The collection; each document: the event ({@code event}, as it was pending), its entity's {@code collection} and {@code entity} id, {@code reason}, {@code parkedAt}. */
    public static final String COLLECTION = "parkedEvents";
    private static final String PENDING_EVENTS = "pendingEvents";

    private final MongoTemplate mongo;
    private final Clock clock;

    ParkedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Moves a pending event of the document {@code entity} in {@code collection} here. */
    void park(String collection, Object entity, Document pending, String reason) {
        Object eventId = pending.get("eventId");
        mongo.save(new Document("_id", eventId).append("collection", collection).append("entity", entity).append("event", pending)
                .append("reason", reason).append("parkedAt", Date.from(clock.instant())), COLLECTION);
        mongo.updateFirst(query(where("_id").is(entity)), new Update().pull(PENDING_EVENTS, new Document("eventId", eventId)), collection);
    }

    /**
     * Moves a parked event back to the end of its entity's pending events, for the relay to send again.
     *
     * @return false if no event with this id is parked
     */
    public boolean retry(String eventId) {
        Document parked = mongo.findById(eventId, Document.class, COLLECTION);
        if (parked == null) {
            return false;
        }
        String collection = parked.getString("collection");
        Object entity = parked.get("entity");
        mongo.updateFirst(query(where("_id").is(entity).and(PENDING_EVENTS + ".eventId").ne(eventId)),
                new Update().push(PENDING_EVENTS, parked.get("event", Document.class)), collection);
        if (!mongo.exists(query(where("_id").is(entity)), collection)) {
            throw new IllegalStateException("The entity " + collection + "/" + entity + " of parked event " + eventId + " is gone; the event stays parked");
        }
        // only this parking of it: if the relay has meanwhile refused it again, it is parked anew and stays so
        mongo.remove(query(where("_id").is(eventId).and("parkedAt").is(parked.get("parkedAt"))), COLLECTION);
        return true;
    }

    public long count() {
        return mongo.count(new Query(), COLLECTION);
    }
}
