package nl.amsterdameconomicboard.roadmaps.support.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at its store and broker: the embedded ones (mongo-java-server in memory, the test
 * JVM's in-process Kafka broker), or, for a test marked {@link OnRealEngines}, the engines production runs, in
 * containers. One of each per test JVM, shared by every application context.
 */
public class TestEngines implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Set by {@link OnRealEngines}: as a test property it is part of the context's key, so no context is shared across engines. */
    static final String SELECTION = "test.engines";
    static final String CONTAINERS = "containers";

    private static MongoServer embeddedStore;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // RealEngines (and Testcontainers with it) is loaded only here: a module without such tests needs neither
        boolean real = CONTAINERS.equals(context.getEnvironment().getProperty(SELECTION));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-engines", Map.of(
                "spring.mongodb.uri", real ? RealEngines.mongoUri() : embeddedStoreUri(),
                "spring.kafka.bootstrap-servers", real ? RealEngines.kafkaBrokers() : embeddedBrokers())));
    }

    private static synchronized String embeddedStoreUri() {
        if (embeddedStore == null) {
            embeddedStore = new MongoServer(new MemoryBackend());
            embeddedStore.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embeddedStore::shutdownNow));
        }
        return "mongodb://127.0.0.1:" + embeddedStore.getLocalAddress().getPort();
    }

    /** The test JVM's broker, started by spring-kafka-test's global listener before the first test. */
    private static String embeddedBrokers() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        if (brokers == null) {
            throw new IllegalStateException("No embedded Kafka broker: the module's src/test/resources/junit-platform.properties "
                    + "must set spring.kafka.global.embedded.enabled=true");
        }
        return brokers;
    }
}
