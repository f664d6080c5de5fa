package nl.amsterdameconomicboard.roadmaps.challenge.change;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.OutboxRelay;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one writer of every roadmap change. A change is read, decided by the aggregate (which may refuse it), then
 * written as one conditional update guarded by the revision that was read: the new state, its outgoing event and its
 * appended entries (history, progress, measurements) together, or nothing. With {@code expectedRevision} (If-Match) a
 * revision that moved on is refused (412); without it a concurrent change is re-read and the aggregate decides again.
 *
 * <p>Appended entries grow without limit, so they live in their own collections, one document per entity and
 * revision. They reach it like events reach Kafka: the guarded update puts them into the entity's document
 * ({@code pendingEntries}), and only then are they copied to their collection and removed from the document. Why this
 * order: an entry written before the guarded update could be overwritten by a writer that read an older revision and
 * then loses the race (its entry at the same revision replacing the winner's), and a multi-document transaction is not
 * available. Copied after the update, every entry in a collection belongs to a change that was accepted, and the copy
 * is idempotent (same key, same content): a crash in between leaves the entry pending in the document, and the next
 * read of the list or the next start copies it ({@link #settle}, {@link #settleAll}). Nothing accepted is lost, and
 * nothing refused appears.
 */
@Component
public class ChangeWriter {

    private static final int ATTEMPTS = 3;
    private static final String PENDING_EVENTS = "pendingEvents";
    private static final String PENDING_ENTRIES = "pendingEntries";
    private static final String REVISION = "revision";
    private static final String SEQUENCE = "sequence";

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
        List<Document> entries = pendingEntries(type, change);
        document.put(fieldName(type, PENDING_EVENTS), List.of(converter.convertToMongoType(change.event())));
        document.put(PENDING_ENTRIES, entries);
        String collection = mongo.getCollectionName(type);
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException exists) {
            return Optional.empty();
        }
        copyAndRemove(collection, document.get("_id"), entries);
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
            List<Document> entries = pendingEntries(type, change);
            A changed = mongo.findAndModify(query(where("_id").is(id).and(REVISION).is(revision)), update(type, change, entries),
                    FindAndModifyOptions.options().returnNew(true), type);
            if (changed != null) {
                copyAndRemove(mongo.getCollectionName(type), id, entries);
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

    /** Copies the entries an accepted change of this entity left pending (a crash between the two writes) to their collections. */
    public void settle(Class<?> type, String id) {
        String collection = mongo.getCollectionName(type);
        Document document = mongo.findOne(query(where("_id").is(id).and(PENDING_ENTRIES + ".0").exists(true)), Document.class, collection);
        if (document != null) {
            copyAndRemove(collection, id, document.getList(PENDING_ENTRIES, Document.class));
        }
    }

    /** {@link #settle} for every entity of a kind: what a start does before serving. */
    public void settleAll(Class<?> type) {
        String collection = mongo.getCollectionName(type);
        for (Document document : mongo.find(query(where(PENDING_ENTRIES + ".0").exists(true)), Document.class, collection)) {
            copyAndRemove(collection, document.get("_id"), document.getList(PENDING_ENTRIES, Document.class));
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

    /**
     * Moves what older versions kept inside the documents of a kind (their history, under {@code historyField}, and
     * {@code lists}) to the collections, one document at a time: first the entries, each under its own key (a repeat
     * writes the same again), then the document drops the old lists and keeps the latest few and the count, guarded by
     * its revision (after a change meanwhile it is read again). Idempotent, so it runs at every start.
     *
     * @return how many documents were moved
     */
    public int moveEmbedded(Class<?> type, String historyField, List<EmbeddedList> lists) {
        String collection = mongo.getCollectionName(type);
        List<Criteria> old = new ArrayList<>(List.of(where(historyField).exists(true)));
        lists.forEach(list -> old.add(where(list.field()).exists(true)));
        Criteria anyOld = new Criteria().orOperator(old);
        int moved = 0;
        for (Document document : mongo.find(query(anyOld), Document.class, collection)) {
            Object id = document.get("_id");
            for (Document current = document; current != null && !moveEmbedded(collection, current, historyField, lists); ) {
                current = mongo.findOne(query(where("_id").is(id).andOperator(anyOld)), Document.class, collection);
            }
            moved++;
        }
        return moved;
    }

    private boolean moveEmbedded(String collection, Document document, String historyField, List<EmbeddedList> lists) {
        String entity = collection + "/" + document.get("_id");
        List<Document> history = listOf(document, historyField);
        Map<Object, Long> revisionAt = new HashMap<>();
        for (Document entry : history) {
            long revision = ((Number) entry.get(REVISION)).longValue();
            copy(Entries.HISTORY, entity, revision, 0, entry);
            revisionAt.putIfAbsent(entry.get("at"), revision);
        }
        Update update = new Update().unset(historyField);
        for (EmbeddedList list : lists) {
            List<Document> elements = listOf(document, list.field());
            for (int i = 0; i < elements.size(); i++) {
                // an element without its history entry still gets its own key, below every real revision
                long revision = revisionAt.getOrDefault(elements.get(i).get(list.recordedAtField()), -(i + 1L));
                copy(list.collection(), entity, revision, 0, elements.get(i));
            }
            List<Document> recent = new ArrayList<>(elements);
            recent.addAll(listOf(document, list.recentField()));
            recent.sort(inOrder(list.order()));
            Number count = document.get(list.countField(), Number.class);
            update.unset(list.field()).set(list.recentField(), recent.subList(Math.max(0, recent.size() - Recent.KEPT), recent.size()))
                    .set(list.countField(), elements.size() + (count == null ? 0 : count.longValue()));
        }
        return mongo.updateFirst(query(where("_id").is(document.get("_id")).and(REVISION).is(document.get(REVISION))), update, collection)
                .getModifiedCount() == 1;
    }

    /** The entries of a change as they wait in its document: its history entry first, then what it appends. */
    private <A extends Aggregate<H>, H> List<Document> pendingEntries(Class<A> type, Change<A, H> change) {
        String entity = mongo.getCollectionName(type) + "/" + change.state().id();
        List<Appended> all = new ArrayList<>();
        all.add(new Appended(Entries.HISTORY, change.state().revision(), change.historyEntry()));
        all.addAll(change.appended());
        return all.stream().map(a -> new Document("ref", a.collection() + "/" + key(entity, a.revision(), a.sequence()))
                .append("collection", a.collection()).append("entity", entity).append(REVISION, a.revision()).append(SEQUENCE, a.sequence())
                .append("entry", mongo.getConverter().convertToMongoType(a.entry()))).toList();
    }

    /**
     * Copies the entries, then removes them from the document. A change with many entries (an import) copies them in
     * one bulk write per collection and removes them with one update, instead of two writes per entry.
     */
    private void copyAndRemove(String collection, Object id, List<Document> entries) {
        if (entries.size() <= 2) {
            for (Document pending : entries) {
                copy(pending.getString("collection"), pending.getString("entity"), ((Number) pending.get(REVISION)).longValue(),
                        sequence(pending), pending.get("entry"));
                mongo.updateFirst(query(where("_id").is(id)), new Update().pull(PENDING_ENTRIES, new Document("ref", pending.getString("ref"))),
                        collection);
            }
            return;
        }
        Map<String, List<Document>> byCollection = new LinkedHashMap<>();
        for (Document pending : entries) {
            long revision = ((Number) pending.get(REVISION)).longValue();
            String entity = pending.getString("entity");
            byCollection.computeIfAbsent(pending.getString("collection"), c -> new ArrayList<>())
                    .add(stored(entity, revision, sequence(pending), pending.get("entry")));
        }
        byCollection.forEach((target, documents) -> {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, target);
            documents.forEach(d -> bulk.replaceOne(query(where("_id").is(d.get("_id"))), d, FindAndReplaceOptions.options().upsert()));
            bulk.execute();
        });
        List<String> refs = entries.stream().map(pending -> pending.getString("ref")).toList();
        mongo.updateFirst(query(where("_id").is(id)), new Update().pull(PENDING_ENTRIES, new Document("ref", new Document("$in", refs))),
                collection);
    }

    /** Replaces whatever is stored under the entry's key: the same entry, if anything. */
    private void copy(String collection, String entity, long revision, int sequence, Object entry) {
        mongo.save(stored(entity, revision, sequence, entry), collection);
    }

    private static Document stored(String entity, long revision, int sequence, Object entry) {
        return new Document("_id", key(entity, revision, sequence)).append("entity", entity).append(REVISION, revision).append("entry", entry);
    }

    private static int sequence(Document pending) {
        Number sequence = pending.get(SEQUENCE, Number.class);
        return sequence == null ? 0 : sequence.intValue(); // entries left pending by an older version have none
    }

    /** The first entry of a change keeps the key it always had; further ones of the same change are numbered. */
    static String key(String entity, long revision, int sequence) {
        return sequence == 0 ? entity + "/" + revision : entity + "/" + revision + "/" + sequence;
    }

    private static List<Document> listOf(Document document, String field) {
        List<Document> list = document.getList(field, Document.class);
        return list == null ? List.of() : list;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Document> inOrder(List<String> fields) {
        Comparator<Document> order = (a, b) -> 0;
        for (String field : fields) {
            order = order.thenComparing(d -> (Comparable) d.get(field), Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        return order;
    }

    /** Sets every field of the new state (unsets those now empty) and appends the event and the entries. */
    private <A extends Aggregate<H>, H> Update update(Class<A> type, Change<A, H> change, List<Document> entries) {
        Document state = new Document();
        mongo.getConverter().write(change.state(), state);
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        Update update = new Update();
        for (MongoPersistentProperty property : entity) {
            if (property.isIdProperty() || property.getName().equals(PENDING_EVENTS)) {
                continue;
            }
            if (state.containsKey(property.getFieldName())) {
                update.set(property.getFieldName(), state.get(property.getFieldName()));
            } else {
                update.unset(property.getFieldName());
            }
        }
        return update.push(fieldName(type, PENDING_EVENTS), change.event()).push(PENDING_ENTRIES).each(entries.toArray());
    }

    private String fieldName(Class<?> type, String property) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type).getRequiredPersistentProperty(property).getFieldName();
    }
}
