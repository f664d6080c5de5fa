package nl.amsterdameconomicboard.roadmaps.scorecard;

import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The challenges on the scorecards are the registry's (CHALLENGE_REGISTRY points to another file), in overview order. */
@Configuration
class ChallengeRegistryConfiguration {

    @Bean
    ScorecardProperties scorecardProperties(Environment environment) {
        return new ScorecardProperties(ChallengeRegistry.load(environment::getProperty).codes());
    }
}
