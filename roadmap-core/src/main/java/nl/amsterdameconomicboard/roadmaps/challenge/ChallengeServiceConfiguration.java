package nl.amsterdameconomicboard.roadmaps.challenge;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ChallengeServiceConfiguration {

    /** Deadlines and history use this clock, so that tests can fix "today". */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
