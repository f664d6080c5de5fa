package nl.amsterdameconomicboard.roadmaps.deploy;

import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.at;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.list;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.map;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose as docker-compose reads it (config needs no Docker engine): valid, every service started only when
 * what it needs is healthy, and given the environment the launcher gives it. Skipped where docker-compose is missing;
 * .ci/run installs it.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize()
            .resolve("deploy/compose");
    private static final ChallengeRegistry REGISTRY = ChallengeRegistry.builtIn();
    /** What Platform gives every backend service, whatever the engines. */
    private static final List<String> BACKEND_VARIABLES = List.of("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "KEYCLOAK_ISSUER_URI",
            "KEYCLOAK_JWKS_URI");

    @Test
    void isValidAndStartsEachServiceWhenWhatItNeedsIsHealthy() throws Exception {
        Map<String, Object> services = map(config().get("services"));

        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Map<String, Object> service = map(entry.getValue());
            boolean oneShot = entry.getKey().endsWith("-init") || entry.getKey().endsWith("-setup");
            if (!oneShot) {
                assertThat(service.get("healthcheck")).as(entry.getKey() + " tells when it is healthy").isNotNull();
            }
            for (Object dependency : map(service.get("depends_on")).values()) {
                assertThat(text(dependency, "condition")).as(entry.getKey())
                        .isIn("service_healthy", "service_completed_successfully");
            }
        }
        assertThat(services.keySet()).contains("mongodb-1", "mongodb-2", "mongodb-3", "kafka-1", "kafka-2", "kafka-3",
                "keycloak", "keycloak-db", "gateway", PlatformSettings.SCORECARD);
        Set<String> nodeIds = new TreeSet<>();
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            nodeIds.add(text(services.get(broker), "environment", "KAFKA_NODE_ID"));
            assertThat(text(services.get(broker), "environment", "KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("2");
        }
        assertThat(nodeIds).hasSize(3);
        for (String member : List.of("mongodb-1", "mongodb-2", "mongodb-3")) {
            assertThat(list(at(services.get(member), "command"))).containsSequence("--replSet", "rs0");
        }
        assertThat(list(at(services.get("keycloak"), "volumes")).toString()).contains("mra-realm.json");
        assertThat(list(at(services.get("keycloak"), "command"))).contains("--import-realm");
    }

    @Test
    void givesEveryServiceTheLaunchersVariablesAndItsOwnKafkaUser() throws Exception {
        Map<String, Object> services = map(config().get("services"));
        List<String> backends = new ArrayList<>(REGISTRY.challenges().stream().map(Challenge::service).toList());
        backends.add(PlatformSettings.SCORECARD);

        for (String backend : backends) {
            Map<String, Object> environment = map(at(services.get(backend), "environment"));
            assertThat(environment).as(backend).containsKeys(BACKEND_VARIABLES.toArray(String[]::new));
            assertThat(text(services.get(backend), "image")).startsWith("board-roadmaps/" + backend + ":");
            assertThat((String) environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .contains("ScramLoginModule").contains("username=\"" + backend + "\"");
            assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        }
        Map<String, Object> gateway = map(at(services.get("gateway"), "environment"));
        Map<String, Object> scorecard = map(at(services.get(PlatformSettings.SCORECARD), "environment"));
        for (Challenge challenge : REGISTRY.challenges()) {
            String url = "http://" + challenge.service() + ":" + challenge.port();
            assertThat(gateway.get(challenge.variablePrefix() + "_SERVICE_URL")).isEqualTo(url);
            assertThat(scorecard.get(challenge.variablePrefix() + "_SERVICE_URL")).isEqualTo(url);
        }
        assertThat(gateway).containsKeys("SCORECARD_SERVICE_URL", "KEYCLOAK_URL", "KEYCLOAK_PUBLIC_URL", "GATEWAY_CLIENT_SECRET",
                "MONGODB_URI");
        assertThat(text(services.get("kafka-setup"), "environment", "CHALLENGES")).isEqualTo(String.join(" ", REGISTRY.codes()));
    }

    @Test
    void refusesToRunWithoutItsPasswords() throws Exception {
        ExternalTool.Result result = compose().run(COMPOSE, "-f", "docker-compose.yml", "config", "-q");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("PASSWORD");
    }

    private static Map<String, Object> config() throws Exception {
        ExternalTool.Result result = compose().run(COMPOSE, "--env-file", "demo.env", "-f", "docker-compose.yml", "config");
        assertThat(result.succeeded()).as(result.output()).isTrue();
        return Yamls.documents(result.output()).get(0);
    }

    private static ExternalTool compose() {
        ExternalTool compose = ExternalTool.find("docker-compose").orElse(null);
        assumeTrue(compose != null, "docker-compose is not installed (Debian package docker-compose)");
        return compose;
    }
}
