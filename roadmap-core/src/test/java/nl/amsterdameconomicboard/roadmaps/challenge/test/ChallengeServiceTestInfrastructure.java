package nl.amsterdameconomicboard.roadmaps.challenge.test;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a challenge service under test at the test store (a fresh database per application context) and at the
 * test token issuer and the test JVM's embedded Kafka broker (spring-kafka-test's global broker, enabled in
 * junit-platform.properties).
 */
public class ChallengeServiceTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestTokens tokens = TestTokens.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("challenge-service-test", Map.of(
                "spring.mongodb.uri", TestMongoServer.uri(),
                "spring.mongodb.database", "test-" + UUID.randomUUID(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwksUri(),
                "spring.kafka.bootstrap-servers", kafkaBrokers(),
                "roadmap.outbox.poll-interval", "200ms")));
    }

    /** The test JVM's broker, started by spring-kafka-test's global listener. */
    public static String kafkaBrokers() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        if (brokers == null) {
            throw new IllegalStateException("No embedded Kafka broker: junit-platform.properties must enable spring.kafka.global.embedded");
        }
        return brokers;
    }
}
