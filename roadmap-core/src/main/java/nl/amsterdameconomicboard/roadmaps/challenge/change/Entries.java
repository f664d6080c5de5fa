package nl.amsterdameconomicboard.roadmaps.challenge.change;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the lists that grow without limit (history, progress updates, measurements), which {@link ChangeWriter} keeps
 * in their own collections: one page at a time, and only up to the revision of the entity that was read, so a page
 * agrees with the entity's ETag.
 */
@Component
public class Entries {

    /** Every aggregate's history, keyed by entity and revision. */
    public static final String HISTORY = "history";
    /** In the order of the changes that added them, the latest first. */
    public static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "revision");

    private final MongoTemplate mongo;
    private final ChangeWriter writer;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    Entries(MongoTemplate mongo, ChangeWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** Newest first by fields of the entries (e.g. a measurement's {@code date}), then by revision. */
    public static Sort newestFirstBy(String... entryFields) {
        return Sort.by(Sort.Direction.DESC, Stream.concat(Stream.of(entryFields).map(f -> "entry." + f), Stream.of("revision"))
                .toArray(String[]::new));
    }

    /** One page of the {@code collection} entries of {@code entity}. */
    public <T> PageOf<T> page(Aggregate<?> entity, String collection, Class<T> type, Sort sort, int page, int size) {
        return PageOf.read(mongo, of(entity, collection), sort, page, size, collection, d -> read(type, d));
    }

    /**
     * The history entry of the entity's latest change, read by its key: every change writes exactly one, under the
     * entity and the revision it made (ChangeWriter), so this costs one lookup however long the history is. Falls
     * back to the newest entry found by the query for entities moved from older versions without it.
     */
    public <T> Optional<T> latestHistoryEntry(Aggregate<?> entity, Class<T> type) {
        writer.settle(entity.getClass(), entity.id());
        String key = ChangeWriter.key(mongo.getCollectionName(entity.getClass()) + "/" + entity.id(), entity.revision(), 0);
        Document stored = mongo.findById(key, Document.class, HISTORY);
        if (stored != null) {
            return Optional.of(read(type, stored));
        }
        return page(entity, HISTORY, type, NEWEST_FIRST, 0, 1).items().stream().findFirst();
    }

    /** All of them, for the few uses that need the whole list (a snapshot of an indicator's series, thinned there). */
    public <T> List<T> all(Aggregate<?> entity, String collection, Class<T> type, Sort sort) {
        return mongo.find(of(entity, collection).with(sort), Document.class, collection).stream().map(d -> read(type, d)).toList();
    }

    private Query of(Aggregate<?> entity, String collection) {
        writer.settle(entity.getClass(), entity.id());
        if (indexed.add(collection)) {
            mongo.indexOps(collection).createIndex(new Index().on("entity", Sort.Direction.ASC).on("revision", Sort.Direction.DESC));
        }
        return query(where("entity").is(mongo.getCollectionName(entity.getClass()) + "/" + entity.id()).and("revision").lte(entity.revision()));
    }

    private <T> T read(Class<T> type, Document stored) {
        return mongo.getConverter().read(type, stored.get("entry", Document.class));
    }
}
