package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store answers every query as mongo-java-server's own H2 backend does; it only reads less to do so. */
class LocalStoreBackendTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void answersQueriesThatNameTheIdAsThePlainBackendDoes() {
        MongoCollection<Document> local = collection(new LocalStoreBackend(MVStore.open(null)));
        MongoCollection<Document> plain = collection(new H2Backend(MVStore.open(null)));
        ObjectId objectId = new ObjectId();
        for (MongoCollection<Document> states : List.of(local, plain)) {
            for (int i = 0; i < 50; i++) {
                states.insertOne(new Document("_id", "circular/m" + i).append("revision", i % 7).append("challenge", "circular"));
            }
            states.insertOne(new Document("_id", objectId).append("revision", 3));
            states.insertOne(new Document("_id", 42).append("revision", 1));
        }

        List<Bson> queries = List.of(
                Filters.and(Filters.eq("_id", "circular/m3"), Filters.eq("revision", 3)),
                Filters.and(Filters.eq("_id", "circular/m3"), Filters.eq("revision", 4)),
                Filters.and(Filters.eq("_id", "circular/m3"), Filters.lt("revision", 5)),
                Filters.and(Filters.eq("_id", "circular/none"), Filters.eq("revision", 0)),
                Filters.and(Filters.in("_id", "circular/m1", "circular/m8", "circular/m9", "circular/none"), Filters.gte("revision", 1)),
                Filters.and(Filters.eq("_id", objectId), Filters.exists("revision")),
                Filters.and(Filters.eq("_id", 42.0), Filters.eq("revision", 1)),
                Filters.and(Filters.eq("_id", 42L), Filters.eq("revision", 1)),
                Filters.and(Filters.gt("_id", "circular/m4"), Filters.eq("revision", 2)),
                Filters.eq("challenge", "circular"));
        for (Bson query : queries) {
            Function<MongoCollection<Document>, List<Document>> answer = states -> states.find(query).sort(Sorts.descending("revision", "_id"))
                    .into(new ArrayList<>());
            assertThat(answer.apply(local)).as(query.toString()).isEqualTo(answer.apply(plain));
            assertThat(local.countDocuments(query)).as(query.toString()).isEqualTo(plain.countDocuments(query));
        }
        assertThat(local.find(Filters.and(Filters.in("_id", "circular/m1", "circular/m8", "circular/m9"), Filters.gte("revision", 1)))
                .sort(Sorts.ascending("_id")).skip(1).limit(1).into(new ArrayList<>()))
                .extracting(d -> d.get("_id")).containsExactly("circular/m8");
    }

    @Test
    void guardedWritesByIdAndRevisionApplyOnlyToTheRevisionThatWasRead() {
        MongoCollection<Document> states = collection(new LocalStoreBackend(MVStore.open(null)));
        states.insertOne(new Document("_id", "mobility/m1").append("revision", 1).append("status", "PLANNED"));

        Document won = states.findOneAndUpdate(Filters.and(Filters.eq("_id", "mobility/m1"), Filters.eq("revision", 1)),
                Updates.combine(Updates.set("revision", 2), Updates.set("status", "ON_TRACK")),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        Document lost = states.findOneAndUpdate(Filters.and(Filters.eq("_id", "mobility/m1"), Filters.eq("revision", 1)),
                Updates.combine(Updates.set("revision", 2), Updates.set("status", "AT_RISK")));

        assertThat(won.getString("status")).isEqualTo("ON_TRACK");
        assertThat(lost).isNull();
        assertThat(states.updateOne(Filters.and(Filters.eq("_id", "mobility/m2"), Filters.lt("revision", 1)),
                Updates.set("status", "PLANNED"), new UpdateOptions().upsert(true)).getUpsertedId()).isNotNull();
        assertThat(states.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .extracting(d -> d.get("_id") + " " + d.get("status")).containsExactly("mobility/m1 ON_TRACK", "mobility/m2 PLANNED");
    }

    @Test
    void queriesThatNameAnIdReadNoWholeCollectionAndOthersStillDo() {
        LocalStoreBackend backend = new LocalStoreBackend(MVStore.open(null));
        MongoCollection<Document> states = collection(backend);
        for (int i = 0; i < 20; i++) {
            states.insertOne(new Document("_id", "health/m" + i).append("revision", 1).append("challenge", "health"));
        }
        long before = backend.collectionReads();

        states.findOneAndUpdate(Filters.and(Filters.eq("_id", "health/m3"), Filters.eq("revision", 1)), Updates.set("revision", 2));
        states.updateOne(Filters.and(Filters.eq("_id", "health/m4"), Filters.lt("revision", 5)), Updates.set("revision", 5),
                new UpdateOptions().upsert(true));
        states.find(Filters.and(Filters.in("_id", "health/m1", "health/m2"), Filters.exists("challenge"))).into(new ArrayList<>());
        // as Spring Data writes a guarded update: the conditions side by side, not in $and
        assertThat(states.updateOne(new Document("_id", "health/m5").append("revision", new Document("$lt", 2)), Updates.set("revision", 2))
                .getModifiedCount()).isEqualTo(1);
        assertThat(backend.collectionReads()).isEqualTo(before);

        states.find(Filters.eq("challenge", "health")).into(new ArrayList<>());
        states.find(Filters.and(Filters.gt("_id", "health/m1"), Filters.eq("revision", 1))).into(new ArrayList<>());
        assertThat(backend.collectionReads()).isEqualTo(before + 2);
    }

    /** Opening a file with data reads its stored databases while the backend is still being constructed. */
    @Test
    void aStoreWithDataOpensAgainWithItsDocuments(@TempDir Path dir) throws Exception {
        String file = dir.resolve("store.mv").toString();
        writeAndClose(file, "milestone_states", states -> {
            states.insertOne(new Document("_id", "digital/m1").append("revision", 3));
            states.insertOne(new Document("_id", "digital/m2").append("revision", 1));
        });

        LocalStoreBackend reopened = new LocalStoreBackend(MVStore.open(file));
        MongoCollection<Document> states = collection(reopened);
        assertThat(states.find(Filters.and(Filters.eq("_id", "digital/m1"), Filters.eq("revision", 3))).first()).isNotNull();
        assertThat(states.countDocuments()).isEqualTo(2);
        assertThat(reopened.collectionReads()).as("counted from the reopening on").isEqualTo(1);
    }

    /** mongo-java-server alone reads every document of a collection with a secondary index, twice, to open it. */
    @Test
    void opensWithoutReadingTheDocumentsOfACollectionWithASecondaryIndex(@TempDir Path dir) throws Exception {
        String file = dir.resolve("store.mv").toString();
        writeAndClose(file, "milestone_changes", changes -> {
            changes.createIndex(Indexes.ascending("key"));
            List<Document> history = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                history.add(new Document("_id", "health/m" + i % 30 + "/" + i).append("key", "health/m" + i % 30)
                        .append("note", "Voortgang besproken in het kernteam, ronde " + i));
            }
            changes.insertMany(history);
        });

        long plain = bytesReadOpening(file, H2Backend::new);
        long local = bytesReadOpening(file, LocalStoreBackend::new);

        assertThat(local).as("bytes read opening, against %d by mongo-java-server's backend", plain).isLessThan(plain / 4);
        MongoCollection<Document> reopened = collection(new LocalStoreBackend(MVStore.open(file)), "milestone_changes");
        assertThat(reopened.countDocuments(Filters.eq("key", "health/m7"))).isEqualTo(100);
        assertThat(reopened.listIndexes().into(new ArrayList<>())).extracting(index -> index.getString("name")).contains("key_1");
    }

    /** Writes to a collection of a store in this file, through the wire protocol, and closes the store. */
    private static void writeAndClose(String file, String collection, Consumer<MongoCollection<Document>> writes) {
        MVStore store = MVStore.open(file);
        MongoServer server = new MongoServer(new LocalStoreBackend(store));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
            writes.accept(client.getDatabase("scorecard").getCollection(collection));
        } finally {
            server.shutdownNow();
            store.close();
        }
    }

    private static long bytesReadOpening(String file, Function<MVStore, H2Backend> backend) {
        H2Backend opened = backend.apply(MVStore.open(file));
        long read = opened.getMvStore().getFileStore().getReadBytes();
        opened.close();
        return read;
    }

    @Test
    void looksUpOnlyIdsKeptAsWritten() {
        assertThat(LocalStoreBackend.namedIds(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("revision", 1))).containsExactly("a");
        assertThat(LocalStoreBackend.namedIds(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"))))).containsExactly("a", "b");
        assertThat(LocalStoreBackend.namedIds(new de.bwaldvogel.mongo.bson.Document("_id", 1))).isNull();
        assertThat(LocalStoreBackend.namedIds(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", "a")))).isNull();
        assertThat(LocalStoreBackend.namedIds(new de.bwaldvogel.mongo.bson.Document("revision", 1))).isNull();
        assertThat(LocalStoreBackend.namedIds(new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("revision", 1), new de.bwaldvogel.mongo.bson.Document("_id", "a"))))).containsExactly("a");
        assertThat(LocalStoreBackend.namedIds(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a"), new de.bwaldvogel.mongo.bson.Document("revision", 1))))).isNull();
    }

    private MongoCollection<Document> collection(H2Backend backend) {
        return collection(backend, "milestone_states");
    }

    private MongoCollection<Document> collection(H2Backend backend, String name) {
        MongoServer server = new MongoServer(backend);
        MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server));
        opened.add(client);
        opened.add(server::shutdownNow);
        return client.getDatabase("scorecard").getCollection(name);
    }

    private static String hostAndPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }
}
