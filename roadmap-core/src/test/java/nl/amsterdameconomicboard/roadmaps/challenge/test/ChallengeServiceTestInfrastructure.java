package nl.amsterdameconomicboard.roadmaps.challenge.test;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a challenge service under test a fresh database per application context (on the store TestEngines chose),
 * the test token issuer, and a quick outbox relay.
 */
public class ChallengeServiceTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestTokens tokens = TestTokens.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("challenge-service-test", Map.of(
                "spring.mongodb.database", "test-" + UUID.randomUUID(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwksUri(),
                "roadmap.outbox.poll-interval", "200ms")));
    }
}
