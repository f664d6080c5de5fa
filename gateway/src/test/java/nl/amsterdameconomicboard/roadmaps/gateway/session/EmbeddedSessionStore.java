package nl.amsterdameconomicboard.roadmaps.gateway.session;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The gateway needs its session store: every test context of this module gets one in-memory mongo-java-server,
 * started once per JVM, as {@code spring.mongodb.uri} ahead of the environment: a test never writes to a store that
 * {@code MONGODB_URI} names.
 */
public class EmbeddedSessionStore implements ContextCustomizerFactory {

    private static MongoServer server;

    static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-session-store"));
        }
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new StoreCustomizer();
    }

    /** Equal to every other one, so that it does not split the test context cache. */
    private static final class StoreCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("embeddedSessionStore", Map.of("spring.mongodb.uri", uri())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoreCustomizer;
        }

        @Override
        public int hashCode() {
            return StoreCustomizer.class.hashCode();
        }
    }
}
