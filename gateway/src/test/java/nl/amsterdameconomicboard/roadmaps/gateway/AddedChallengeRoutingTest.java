package nl.amsterdameconomicboard.roadmaps.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A challenge added to a registry file named by CHALLENGE_REGISTRY, without any other change: routed with the
 * default filters to its registry port (no ENERGY_SERVICE_URL given), and listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("local")
class AddedChallengeRoutingTest {

    private static final StandInService energy = new StandInService();

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempFile("challenges", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, """
                [{"code": "talent", "name": {"nl": "Talent voor de Toekomst", "en": "Talent for the Future"}, "port": 8085, "colour": "#005a70", "position": 1},
                 {"code": "energy", "name": {"nl": "Energietransitie", "en": "Energy transition"}, "port": %d, "colour": "#7a5c00", "position": 2}]
                """.formatted(energy.port()));
        registry.add("CHALLENGE_REGISTRY", file::toString);
        registry.add("KEYCLOAK_URL", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        energy.stop();
    }

    @Autowired
    WebTestClient web;

    @Test
    void theAddedChallengeIsRoutedToItsRegistryPortWithTheDefaultFilters() {
        web.get().uri("/api/energy/milestones").header(HttpHeaders.AUTHORIZATION, "Bearer abc.def.ghi")
                .header(HttpHeaders.COOKIE, "SESSION=gateway-session").exchange().expectStatus().isOk();
        web.get().uri("/api/energy").exchange().expectStatus().isOk();
        assertThat(energy.received).extracting(StandInService.Received::path).containsExactly("/api/energy/milestones", "/api/energy");
        assertThat(energy.received.get(0).authorization()).isEqualTo("Bearer abc.def.ghi");
        assertThat(energy.received.get(0).cookie()).isNull();
        web.get().uri("/api/circular").exchange().expectStatus().isNotFound(); // not in this registry
    }

    @Test
    void theListFollowsTheRegistry() {
        web.get().uri("/api/challenges").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].code").isEqualTo(java.util.List.of("talent", "energy"))
                .jsonPath("$[1].name.en").isEqualTo("Energy transition")
                .jsonPath("$[1].port").doesNotExist();
    }
}
