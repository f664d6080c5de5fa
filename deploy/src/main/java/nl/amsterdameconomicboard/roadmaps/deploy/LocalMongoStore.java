package nl.amsterdameconomicboard.roadmaps.deploy;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * The local MongoDB-compatible store: mongo-java-server speaking the MongoDB wire protocol, its data in an H2 file
 * ({@link LocalStoreBackend}: queries by id read one document, not the collection).
 * Usage: {@code LocalMongoStore <port> <data dir>}. Writes are committed to the file within 100 ms, and on a
 * normal stop; a file grown to twice its data is rewritten before the store opens ({@link StoreFile}). A real MongoDB
 * replaces it in production (MONGODB_URI).
 */
public final class LocalMongoStore {

    private LocalMongoStore() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("store.mv");
        StoreFile.compactIfGrown(file);
        // no background compaction: it rewrites live pages into new chunks and frees the old ones, which H2 2.4 can do
        // under a reader's feet (see LocalStoreBackend); chunks left with no live page are still freed
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0).open();
        store.setAutoCommitDelay(100);
        MongoServer server = new MongoServer(new LocalStoreBackend(store));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            store.close();
            stopped.countDown();
        }, "store-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB-compatible store listening on 127.0.0.1:" + port + ", data in " + dataDir);
        stopped.await();
    }
}
