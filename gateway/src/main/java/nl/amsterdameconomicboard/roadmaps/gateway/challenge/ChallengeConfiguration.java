package nl.amsterdameconomicboard.roadmaps.gateway.challenge;

import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Board's challenges from the registry; CHALLENGE_REGISTRY (environment or property) points to another file. */
@Configuration
class ChallengeConfiguration {

    @Bean
    ChallengeRegistry challengeRegistry(Environment environment) {
        return ChallengeRegistry.load(environment::getProperty);
    }

    @Bean
    ChallengeRoutes challengeRoutes(ChallengeRegistry registry, Environment environment) {
        return new ChallengeRoutes(registry, environment::getProperty);
    }
}
