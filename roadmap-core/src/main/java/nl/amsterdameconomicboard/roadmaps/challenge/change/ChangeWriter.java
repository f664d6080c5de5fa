package nl.amsterdameconomicboard.roadmaps.challenge.change;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.OutboxRelay;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one writer of every roadmap change. A change is read, decided by the aggregate (which may refuse it), then
 * written as one conditional update guarded by the revision that was read: the new state, its history entry and its
 * outgoing event together, or nothing. With {@code expectedRevision} (If-Match) a revision that moved on is refused
 * (412); without it a concurrent change is re-read and the aggregate decides again.
 */
@Component
public class ChangeWriter {

    private static final int ATTEMPTS = 3;
    private static final String HISTORY = "history";
    private static final String PENDING_EVENTS = "pendingEvents";
    private static final String REVISION = "revision";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    ChangeWriter(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Stores a new aggregate with its first history entry and event; empty if one with its id exists already. */
    public <A extends Aggregate<H>, H> Optional<A> insertIfAbsent(Change<A, H> change) {
        @SuppressWarnings("unchecked")
        Class<A> type = (Class<A>) change.state().getClass();
        MongoConverter converter = mongo.getConverter();
        Document document = new Document();
        converter.write(change.state(), document);
        document.put(fieldName(type, HISTORY), List.of(converter.convertToMongoType(change.historyEntry())));
        document.put(fieldName(type, PENDING_EVENTS), List.of(converter.convertToMongoType(change.event())));
        try {
            mongo.insert(document, mongo.getCollectionName(type));
        } catch (DuplicateKeyException exists) {
            return Optional.empty();
        }
        relay.publishSoon();
        return Optional.of(converter.read(type, document));
    }

    /**
     * Applies the change {@code decide} makes of the current state.
     *
     * @param kind how refusals name the entity, e.g. "Milestone"
     */
    public <A extends Aggregate<H>, H> A apply(Class<A> type, String kind, String id, OptionalLong expectedRevision,
                                               Function<A, Change<A, H>> decide) {
        for (int attempt = 1; ; attempt++) {
            A current = mongo.findById(id, type);
            if (current == null) {
                throw new UnknownEntityException(kind, id);
            }
            long revision = current.revision();
            if (expectedRevision.isPresent() && expectedRevision.getAsLong() != revision) {
                throw new StaleRevisionException(kind, id, expectedRevision.getAsLong(), revision);
            }
            Change<A, H> change = decide.apply(current);
            if (change.state().revision() != revision + 1 || !change.state().id().equals(id)) {
                throw new IllegalStateException(kind + " '" + id + "' must change to revision " + (revision + 1) + " of itself");
            }
            A changed = mongo.findAndModify(query(where("_id").is(id).and(REVISION).is(revision)), update(type, change),
                    FindAndModifyOptions.options().returnNew(true), type);
            if (changed != null) {
                relay.publishSoon();
                return changed;
            }
            if (expectedRevision.isPresent()) {
                throw new StaleRevisionException(kind, id, expectedRevision.getAsLong(), revision + 1);
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrentChangeException(kind, id);
            }
        }
    }

    /**
     * Stores a snapshot event of every aggregate of a kind, each guarded by the revision it describes: an aggregate
     * that changed meanwhile announces itself by its newer change, so its snapshot is not stored at all.
     *
     * @return how many were announced
     */
    public <A extends Aggregate<?>> int announceAll(Class<A> type, Function<A, PendingEvent> snapshot) {
        int announced = 0;
        for (A aggregate : mongo.findAll(type)) {
            announced += (int) mongo.updateFirst(query(where("_id").is(aggregate.id()).and(REVISION).is(aggregate.revision())),
                    new Update().push(PENDING_EVENTS, snapshot.apply(aggregate)), type).getModifiedCount();
        }
        relay.publishSoon();
        return announced;
    }

    /** Sets every field of the new state (unsets those now empty) and appends the history entry and the event. */
    private <A extends Aggregate<H>, H> Update update(Class<A> type, Change<A, H> change) {
        Document state = new Document();
        mongo.getConverter().write(change.state(), state);
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        Update update = new Update();
        for (MongoPersistentProperty property : entity) {
            String name = property.getName();
            if (property.isIdProperty() || name.equals(HISTORY) || name.equals(PENDING_EVENTS)) {
                continue;
            }
            if (state.containsKey(property.getFieldName())) {
                update.set(property.getFieldName(), state.get(property.getFieldName()));
            } else {
                update.unset(property.getFieldName());
            }
        }
        return update.push(fieldName(type, HISTORY), change.historyEntry()).push(fieldName(type, PENDING_EVENTS), change.event());
    }

    private String fieldName(Class<?> type, String property) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type).getRequiredPersistentProperty(property).getFieldName();
    }
}
