package nl.amsterdameconomicboard.roadmaps.challenge.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One in-memory MongoDB-compatible server per test JVM (mongo-java-server, the platform's embedded store). */
public final class TestMongoServer {

    private static MongoServer server;

    private TestMongoServer() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return uri(server.getLocalAddress());
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
