package nl.amsterdameconomicboard.roadmaps.challenge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application every challenge service runs. A service module brings its {@code application.yaml}
 * (which challenge, which port), its seed, and its specifics in a sub-package of this one, so that the
 * component scan and the Mongo repositories find them too.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ChallengeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChallengeServiceApplication.class, args);
    }
}
