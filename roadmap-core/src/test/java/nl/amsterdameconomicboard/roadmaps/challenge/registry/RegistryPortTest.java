package nl.amsterdameconomicboard.roadmaps.challenge.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RegistryPortTest {

    @TempDir
    Path dir;

    @Test
    void aChallengeServiceListensOnItsRegistryPortUnlessServerPortIsGiven() {
        assertThat(portOf(Map.of("roadmap.challenge.code", "health"))).isEqualTo("8083");
        assertThat(portOf(Map.of("roadmap.challenge.code", "health", "SERVER_PORT", "19083"))).isEqualTo("19083");
    }

    @Test
    void aChallengeAddedThroughTheVariableGetsItsPort() throws Exception {
        Path file = dir.resolve("challenges.json");
        Files.writeString(file, """
                [{"code": "energy", "name": {"nl": "Energietransitie", "en": "Energy transition"}, "port": 8087, "colour": "#7a5c00", "position": 1}]
                """);
        assertThat(portOf(Map.of("roadmap.challenge.code", "energy", "CHALLENGE_REGISTRY", file.toString()))).isEqualTo("8087");
    }

    @Test
    void anUnregisteredChallengeWithoutAPortIsRefusedNamingTheRegistry() {
        assertThatThrownBy(() -> portOf(Map.of("roadmap.challenge.code", "energy")))
                .hasMessageContaining("'energy' is not in the challenge registry the built-in challenges.json")
                .hasMessageContaining("CHALLENGE_REGISTRY");
        assertThat(portOf(Map.of("roadmap.challenge.code", "energy", "server.port", "0"))).isEqualTo("0");
        assertThat(portOf(Map.of())).isNull();
    }

    private static String portOf(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        // as the process environment: SERVER_PORT stands for server.port there
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test", properties));
        new RegistryPort().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("server.port");
    }
}
