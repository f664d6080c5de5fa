package nl.amsterdameconomicboard.roadmaps.challenge.registry;

import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A challenge service listens on its challenge's port from the registry, so that a service module names only its
 * code. The port is the lowest-precedence default: SERVER_PORT (or server.port anywhere else) still wins.
 */
class RegistryPort implements EnvironmentPostProcessor {

    static final String SOURCE = "challengeRegistryPort";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String code = environment.getProperty("roadmap.challenge.code");
        if (code == null || code.isBlank()) {
            return; // not a challenge service; ChallengeProperties says what is missing where one is meant
        }
        ChallengeRegistry registry = ChallengeRegistry.load(environment::getProperty);
        Challenge challenge = registry.find(code.strip()).orElse(null);
        if (challenge == null) {
            if (environment.containsProperty("server.port")) {
                return;
            }
            throw new IllegalStateException("The challenge '" + code + "' is not in the challenge registry " + registry.source()
                    + ": add it there (code, name, port, colour, position), or point " + ChallengeRegistry.LOCATION_VARIABLE
                    + " to a registry that has it.");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of("server.port", challenge.port())));
    }
}
