package nl.amsterdameconomicboard.roadmaps.scorecard;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a scorecard service under test at one in-memory store per test JVM (mongo-java-server), a fresh database
 * per application context, and at no identity provider: tokens in these tests come from spring-security-test.
 */
public class ScorecardTestStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static MongoServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("scorecard-test-store", Map.of(
                "spring.mongodb.uri", uri(),
                "spring.mongodb.database", "test-" + UUID.randomUUID(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://127.0.0.1:9/unused")));
    }

    private static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
}
