package nl.amsterdameconomicboard.roadmaps.deploy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with one thing MongoDB does that it does not: a query that names the {@code _id}
 * together with other conditions is answered from the document with that id, not by reading every document of the
 * collection. mongo-java-server uses an index only when a query names exactly its fields, so the platform's guarded
 * writes ({@code _id} and the revision that was read) and its settle reads ({@code _id} and a pending list) read the
 * whole collection each time, and so did every read of a state whose collection grew with history. The answer is
 * the same either way: the candidates still go through the full query, sort, skip and limit.
 * <p>
 * Only ids kept as they were written are looked up (strings and object ids, alone or in {@code $in}, at the top of the
 * query or in one of its {@code $and} clauses); any other
 * {@code _id} condition, a number among them (1 and 1.0 are one id to MongoDB), reads the collection as before. The
 * file format is H2Backend's: a store written by either opens in the other.
 * <p>
 * And it opens a store without reading the documents of every collection that has a secondary index (see
 * {@link Database#openOrCreateSecondaryIndex}): its start no longer grows with the history kept.
 */
final class LocalStoreBackend extends H2Backend {

    /** Queries answered by reading a whole collection since the store opened: what a slow store's log should be read against. */
    private final AtomicLong collectionReads = new AtomicLong();

    LocalStoreBackend(MVStore store) {
        super(store);
    }

    long collectionReads() {
        return collectionReads.get();
    }

    /**
     * Every command reads the version of the file it started with until it ends. H2 2.4's MVStore may otherwise free a
     * chunk, by its background commit or compaction, that a running command still reads ("Chunk … not found", seen
     * here under a sustained write load; h2database issues 4218, 4383): registering the version keeps its chunks.
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** The ids a query's {@code _id} condition names, if it names only ids this store keeps as written; else null. */
    static List<Object> namedIds(Document query) {
        if (!query.containsKey("_id") && query.get("$and") instanceof List<?> clauses) {
            // every clause must hold, so the documents one clause names by id are all the candidates
            for (Object clause : clauses) {
                List<Object> ids = clause instanceof Document named ? namedIds(named) : null;
                if (ids != null) {
                    return ids;
                }
            }
            return null;
        }
        Object condition = query.get("_id");
        if (isKeptAsWritten(condition)) {
            return List.of(condition);
        }
        if (condition instanceof Document operators && operators.size() == 1 && operators.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(LocalStoreBackend::isKeptAsWritten)) {
            return List.copyOf(values);
        }
        return null;
    }

    private static boolean isKeptAsWritten(Object id) {
        return id instanceof String || id instanceof ObjectId;
    }

    /** An inner class: H2Database opens its collections while it is constructed, before a field of its own is set. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getDatabaseName() + "." + collectionName;
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new KeyedCollection(this, collectionName, options, documents, meta);
        }

        /**
         * mongo-java-server keeps no secondary index, yet fills the empty stand-in it keeps instead from every document of
         * the collection, twice, each time the store opens: ten seconds for a scorecard with 200,000 milestone changes.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new UnkeptIndex(indexName, keys);
        }
    }

    /** A secondary index this store does not keep: as mongo-java-server's stand-in, but with nothing to fill. */
    private static final class UnkeptIndex extends EmptyIndex<Object> {

        UnkeptIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false; // read only to decide whether to fill it from the documents; there is nothing to fill
        }
    }

    private final class KeyedCollection extends H2Collection {

        private final MVMap<Object, Document> documents;

        KeyedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                    MVMap<String, Object> meta) {
            super(database, name, options, documents, meta, getCursorRegistry());
            this.documents = documents;
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
            List<Object> ids = namedIds(query);
            if (ids == null) {
                if (collectionReads != null) { // null while H2Backend's constructor opens the stored databases
                    collectionReads.incrementAndGet();
                }
                return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
            }
            List<Object> stored = new ArrayList<>(ids.size());
            for (Object id : ids) {
                if (documents.containsKey(id)) {
                    stored.add(id); // a document's position in this backend is its id
                }
            }
            return matchDocuments(query, stored, orderBy, skip, limit, batchSize, fields);
        }
    }
}
