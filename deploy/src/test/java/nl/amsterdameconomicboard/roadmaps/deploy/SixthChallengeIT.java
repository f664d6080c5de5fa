package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sixth challenge (energy) added with nothing but a registry entry: a registry file with the five and energy, named
 * by CHALLENGE_REGISTRY, and the unchanged jars. Next to the shared platform (its Kafka, store and Keycloak, its five
 * challenge services) this starts the energy service, a second scorecard (own database and consumer group) and a
 * second gateway, all reading that file; then energy must be routed, counted and listed.
 * <p>
 * The energy service is roadmap-core's {@code ChallengeServiceApplication} with a test seed: the mobility-service jar
 * carries no code of its own (a challenge service module is a pom, an application.yaml and a seed), so it is exactly
 * that application; code, seed and name come from the environment. Its port is not given: it comes from the registry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SixthChallengeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ComponentProcess> started = new ArrayList<>();
    private String gateway;

    @BeforeAll
    void start() throws Exception {
        PlatformSettings shared = SharedPlatform.get();
        Path dataDir = shared.root().resolve("deploy/target/sixth-challenge");
        SharedPlatform.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int energyPort = ExtraComponents.freePort();
        int scorecardPort = ExtraComponents.freePort();
        int gatewayPort = ExtraComponents.freePort();

        // the built-in registry plus one entry: the only thing a new challenge adds besides its module
        String builtIn = Files.readString(shared.root().resolve("challenge-registry/src/main/resources/challenges.json")).strip();
        Path registry = dataDir.resolve("challenges.json");
        Files.writeString(registry, builtIn.substring(0, builtIn.lastIndexOf(']')).stripTrailing() + """
                ,
                  {"code": "energy", "name": {"nl": "Energietransitie", "en": "Energy transition"}, "port": %d, "colour": "#7a5c00", "position": 6}
                ]
                """.formatted(energyPort));
        assertThat(ChallengeRegistry.read(registry).codes()).hasSize(6).endsWith("energy");
        Path seed = Path.of(getClass().getResource("/sixth-challenge/energy-roadmap.json").toURI());

        Map<String, String> backend = Map.of(
                "MONGODB_URI", shared.mongoUri(),
                "KAFKA_BOOTSTRAP_SERVERS", shared.kafkaBootstrap(),
                "KEYCLOAK_ISSUER_URI", shared.issuer(),
                "KEYCLOAK_JWKS_URI", shared.jwksUri(),
                ChallengeRegistry.LOCATION_VARIABLE, registry.toString(),
                "SERVER_ADDRESS", "127.0.0.1");

        // energy's Kafka user and its ACLs, as ./platform up gives every challenge of the registry
        KafkaUsers kafka = shared.kafkaUsers();
        kafka.grant(shared.kafkaBootstrap(), ChallengeRegistry.read(registry));

        Map<String, String> energy = new HashMap<>(backend);
        energy.putAll(kafka.serviceEnvironment("energy-service"));
        energy.putAll(Map.of("ROADMAP_CHALLENGE_CODE", "energy", "ROADMAP_CHALLENGE_SEED", seed.toUri().toString(),
                "SPRING_APPLICATION_NAME", "energy-service"));
        Map<String, String> scorecard = new HashMap<>(backend);
        scorecard.putAll(kafka.serviceEnvironment(PlatformSettings.SCORECARD));
        scorecard.putAll(Map.of("SERVER_PORT", Integer.toString(scorecardPort),
                "MONGODB_DATABASE", "scorecard-sixth", "SCORECARD_CONSUMER_GROUP", "scorecard-sixth"));
        Map<String, String> gatewayEnv = new HashMap<>(Map.of(
                "SERVER_PORT", Integer.toString(gatewayPort), "SERVER_ADDRESS", "127.0.0.1", "SPRING_PROFILES_ACTIVE", "local",
                "KEYCLOAK_URL", shared.keycloakUrl(), "KEYCLOAK_PUBLIC_URL", shared.keycloakUrl(),
                "SCORECARD_SERVICE_URL", "http://127.0.0.1:" + scorecardPort,
                "MONGODB_URI", shared.mongoUri(),
                ChallengeRegistry.LOCATION_VARIABLE, registry.toString()));
        // the five run on the shared platform's ports; energy's URL is left to the registry's port
        shared.registry().challenges().forEach(c -> gatewayEnv.put(c.variablePrefix() + "_SERVICE_URL", shared.serviceUrl(c.service())));

        List<ComponentProcess> components = List.of(
                ExtraComponents.jvm("energy-service", energyPort, "mobility-service", energy, shared, dataDir),
                ExtraComponents.jvm("sixth-scorecard", scorecardPort, "scorecard-service", scorecard, shared, dataDir),
                ExtraComponents.jvm("sixth-gateway", gatewayPort, "gateway", gatewayEnv, shared, dataDir));
        for (ComponentProcess component : components) {
            component.start();
            started.add(component);
        }
        CompletableFuture.allOf(components.stream().map(c -> CompletableFuture.runAsync(() -> ExtraComponents.awaitHealthy(c)))
                .toArray(CompletableFuture[]::new)).join();
        gateway = "http://localhost:" + gatewayPort;
    }

    @AfterAll
    void stop() {
        java.util.Collections.reverse(started);
        started.forEach(c -> c.stop(Duration.ofSeconds(20)));
    }

    @Test
    void theSixthChallengeIsRoutedCountedAndListedWithOnlyARegistryEntry() throws Exception {
        JsonNode challenge = getJson("/api/energy");
        assertThat(challenge.path("code").asString()).isEqualTo("energy");
        assertThat(challenge.path("name").path("nl").asString()).isEqualTo("Energietransitie");
        assertThat(getJson("/api/energy/milestones").toString()).contains("solar-roofs-2026");
        assertThat(getJson("/api/circular").path("code").asString()).as("the five still routed").isEqualTo("circular");

        JsonNode list = getJson("/api/challenges");
        assertThat(list.findValuesAsString("code")).containsExactly("circular", "mobility", "health", "digital", "talent", "energy");
        assertThat(list.get(5).path("name").path("en").asString()).isEqualTo("Energy transition");
        assertThat(list.get(5).path("position").asInt()).isEqualTo(6);

        // counted from energy's own events on the shared Kafka topics
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode overview = getJson("/api/scorecards");
            assertThat(overview.path("challenges").findValuesAsString("challenge"))
                    .containsExactly("circular", "mobility", "health", "digital", "talent", "energy");
            JsonNode energy = getJson("/api/scorecards/energy");
            assertThat(energy.path("milestones").path("total").asInt()).isEqualTo(1);
            assertThat(energy.path("milestones").path("planned").asInt()).isEqualTo(1);
            assertThat(energy.path("spearheads").get(0).path("spearhead").asString()).isEqualTo("solar-roofs");
            assertThat(energy.path("spearheads").get(0).path("indicators").get(0).path("indicator").asString()).isEqualTo("solar-roofs-covered");
        });
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
