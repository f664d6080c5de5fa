package nl.amsterdameconomicboard.roadmaps.scorecard;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ScorecardServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScorecardServiceApplication.class, args);
    }

    /** "Today" for overdue milestones; tests fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
