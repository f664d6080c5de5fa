package nl.amsterdameconomicboard.roadmaps.deploy;

import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.at;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.list;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.map;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.maps;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s as Kustomize renders it: every overlay and every challenge's service alone render, pass the Kubernetes
 * schema and the operators' CRD schemas (deploy/k8s/validate), and keep the platform's rules: probes, limits, graceful
 * shutdown, disruption budgets, who may reach whom, the event contract's topics and the users' rights.
 * Skipped (not failed) where kubectl, or node with the validator's packages, is missing; .ci/run installs both.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final ChallengeRegistry REGISTRY = ChallengeRegistry.builtIn();
    private static final String IMAGES = "board-roadmaps/";

    static Stream<String> renderTargets() {
        return Stream.concat(Stream.of("overlays/local", "overlays/production"),
                REGISTRY.codes().stream().map(code -> "components/" + code + "/service"));
    }

    @ParameterizedTest
    @MethodSource("renderTargets")
    void rendersAndPassesTheKubernetesAndOperatorSchemas(String target) throws Exception {
        String rendered = render(target);
        ExternalTool node = ExternalTool.find("node").orElse(null);
        assumeTrue(node != null, "node is not installed");
        assumeTrue(Files.isDirectory(K8S.resolve("validate/node_modules")),
                "the validator's packages are not installed: npm ci --prefix deploy/k8s/validate");

        ExternalTool.Result result = node.runWithInput(K8S.resolve("validate"), rendered, "validate.mjs", target);

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains(" 0 invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceIsProbedBoundedAndStopsGracefully(String overlay) throws Exception {
        List<Map<String, Object>> resources = overlay(overlay);
        List<Map<String, Object>> deployments = ofKind(resources, "Deployment").stream()
                .filter(d -> image(d).startsWith(IMAGES)).toList();
        assertThat(deployments).extracting(KubernetesManifestsTest::name).containsExactlyInAnyOrderElementsOf(platformServices());

        for (Map<String, Object> deployment : deployments) {
            String name = name(deployment);
            Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
            Map<String, Object> container = maps(pod.get("containers")).get(0);
            assertThat(text(container, "startupProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(text(container, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(text(container, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(map(at(container, "resources", "requests"))).as(name).containsKeys("cpu", "memory");
            assertThat(map(at(container, "resources", "limits"))).as(name).containsKeys("cpu", "memory");
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
            assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as(name).isEqualTo(true);
            assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).as(name).isEqualTo(false);
            // with the two above: the "restricted" Pod Security Standard
            assertThat(list(at(container, "securityContext", "capabilities", "drop"))).as(name).containsExactly("ALL");
            assertThat(at(pod, "securityContext", "seccompProfile", "type")).as(name).isEqualTo("RuntimeDefault");
            assertThat(at(container, "lifecycle", "preStop")).as(name + " leaves the Service before it stops").isNotNull();
            assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as(name).isGreaterThanOrEqualTo(35);
            assertThat(ofKind(resources, "PodDisruptionBudget")).as(name + " has a disruption budget")
                    .anyMatch(pdb -> selects(map(at(pdb, "spec", "selector", "matchLabels")), podLabels(deployment)));
        }
        List<String> scaled = ofKind(resources, "HorizontalPodAutoscaler").stream()
                .map(hpa -> text(hpa, "spec", "scaleTargetRef", "name")).toList();
        List<String> mustScale = new ArrayList<>(REGISTRY.challenges().stream().map(Challenge::service).toList());
        mustScale.add("gateway");
        assertThat(scaled).containsAll(mustScale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyTheGatewayIsReachableFromOutsideAndTheEnginesOnlyFromTheServices(String overlay) throws Exception {
        List<Map<String, Object>> resources = overlay(overlay);
        List<Map<String, Object>> policies = ofKind(resources, "NetworkPolicy");
        assertThat(policies).as("a default that lets nothing in").anyMatch(p -> map(at(p, "spec", "podSelector")).isEmpty()
                && list(at(p, "spec", "policyTypes")).contains("Ingress") && at(p, "spec", "ingress") == null);
        for (Map<String, Object> policy : policies) {
            boolean fromAnywhere = maps(at(policy, "spec", "ingress")).stream().anyMatch(rule -> rule.get("from") == null);
            if (fromAnywhere) {
                assertThat(map(at(policy, "spec", "podSelector", "matchLabels"))).as(name(policy) + " opens to everyone")
                        .isEqualTo(Map.of("app.kubernetes.io/name", "gateway"));
            }
        }
        // Kafka's listener (Strimzi makes its policy from these peers) and MongoDB admit the labelled services only
        Map<String, Object> kafka = only(resources, "Kafka");
        assertThat(maps(at(kafka, "spec", "kafka", "listeners"))).allSatisfy(listener ->
                assertThat(maps(listener.get("networkPolicyPeers"))).extracting(peer -> at(peer, "podSelector", "matchLabels"))
                        .containsExactly(Map.of("board-roadmaps/kafka-client", "true")));
        Set<String> kafkaClients = new TreeSet<>(REGISTRY.challenges().stream().map(Challenge::service).toList());
        kafkaClients.add(PlatformSettings.SCORECARD);
        assertThat(labelled(resources, "board-roadmaps/kafka-client")).isEqualTo(kafkaClients);
        Set<String> mongoClients = new TreeSet<>(kafkaClients);
        mongoClients.add("gateway"); // its sessions
        assertThat(labelled(resources, "board-roadmaps/mongodb-client")).isEqualTo(mongoClients);
        Map<String, Object> mongoPolicy = named(policies, "mongodb-from-platform");
        assertThat(maps(at(mongoPolicy, "spec", "ingress")).get(0).get("from")).isEqualTo(
                List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("board-roadmaps/mongodb-client", "true")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theTopicsAreTheEventContractsAndEachServiceMayDoOnlyItsPart(String overlay) throws Exception {
        List<Map<String, Object>> resources = overlay(overlay);
        Set<String> topics = new TreeSet<>();
        for (Map<String, Object> topic : ofKind(resources, "KafkaTopic")) {
            String name = text(topic, "spec", "topicName");
            topics.add(name);
            assertThat(at(topic, "spec", "replicas")).as(name).isEqualTo(3);
            assertThat(text(topic, "spec", "config", "min.insync.replicas")).as(name).isEqualTo("2");
            assertThat(text(topic, "spec", "config", "retention.ms")).as(name + " is kept for replays").isEqualTo("-1");
        }
        Set<String> expectedTopics = new TreeSet<>(RoadmapTopics.ALL);
        RoadmapTopics.ALL.forEach(t -> expectedTopics.add(t + "-dlt"));
        assertThat(topics).isEqualTo(expectedTopics);
        Map<String, Object> kafka = only(resources, "Kafka");
        assertThat(text(kafka, "spec", "kafka", "config", "min.insync.replicas")).isEqualTo("2");
        int brokers = ofKind(resources, "KafkaNodePool").stream().filter(p -> list(at(p, "spec", "roles")).contains("broker"))
                .mapToInt(p -> (Integer) at(p, "spec", "replicas")).sum();
        assertThat(brokers).isEqualTo(3);

        Map<String, Set<String>> rights = new java.util.TreeMap<>();
        for (Map<String, Object> user : ofKind(resources, "KafkaUser")) {
            assertThat(text(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            Set<String> granted = new TreeSet<>();
            for (Map<String, Object> acl : maps(at(user, "spec", "authorization", "acls"))) {
                for (Object operation : list(acl.get("operations"))) {
                    granted.add(operation + " " + text(acl, "resource", "type") + " " + text(acl, "resource", "name")
                            + ("prefix".equals(text(acl, "resource", "patternType")) ? "*" : ""));
                }
            }
            rights.put(name(user), granted);
        }
        Set<String> writer = new TreeSet<>();
        Set<String> scorecard = new TreeSet<>(Set.of("Read group scorecard*", "Describe group scorecard*"));
        for (String topic : RoadmapTopics.ALL) {
            writer.addAll(Set.of("Write topic " + topic, "Describe topic " + topic));
            scorecard.addAll(Set.of("Read topic " + topic, "Describe topic " + topic, "Write topic " + topic + "-dlt",
                    "Describe topic " + topic + "-dlt"));
        }
        Map<String, Set<String>> expected = new java.util.TreeMap<>();
        REGISTRY.challenges().forEach(c -> expected.put(c.service(), writer));
        expected.put(PlatformSettings.SCORECARD, scorecard);
        assertThat(rights).isEqualTo(expected);

        // each service signs in with the login Strimzi writes to the Secret named after its KafkaUser
        for (Map<String, Object> deployment : ofKind(resources, "Deployment")) {
            String login = secretOf(deployment, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "name");
            if (login != null) {
                assertThat(login).isEqualTo(name(deployment));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void mongodbIsAThreeMemberReplicaSetWithAUserPerServiceForItsOwnDatabase(String overlay) throws Exception {
        List<Map<String, Object>> resources = overlay(overlay);
        Map<String, Object> mongodb = only(resources, "PerconaServerMongoDB");
        assertThat(maps(at(mongodb, "spec", "replsets"))).singleElement().satisfies(rs -> assertThat(rs.get("size")).isEqualTo(3));
        Map<String, String> databases = new java.util.TreeMap<>();
        for (Map<String, Object> user : maps(at(mongodb, "spec", "users"))) {
            assertThat(maps(user.get("roles"))).as(text(user, "name")).singleElement()
                    .satisfies(role -> assertThat(role.get("name")).isEqualTo("readWrite"));
            databases.put(text(user, "name"), text(maps(user.get("roles")).get(0), "db"));
        }
        Map<String, String> expected = new java.util.TreeMap<>(Map.of("gateway", "gateway", PlatformSettings.SCORECARD, "scorecard"));
        REGISTRY.challenges().forEach(c -> expected.put(c.service(), c.code()));
        assertThat(databases).isEqualTo(expected);
        for (Map<String, Object> deployment : ofKind(resources, "Deployment")) {
            String key = secretOf(deployment, "MONGODB_PASSWORD", "key");
            if (key != null) {
                assertThat(key).as(name(deployment) + " reads its own password").isEqualTo(name(deployment));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theRealmHasTheLocalRealmsRolesAndMappersButNoDemoUsersSecretOrClient(String overlay) throws Exception {
        Map<String, Object> realmImport = only(overlay(overlay), "KeycloakRealmImport");
        Map<String, Object> realm = map(at(realmImport, "spec", "realm"));
        Map<String, Object> local = Yamls.documents(Files.readString(ROOT.resolve("deploy/keycloak/mra-realm.json"))).get(0);

        assertThat(roleNames(realm)).isEqualTo(roleNames(local));
        // no people: only the service account of the reminders' client, which may view users and nothing else
        assertThat(maps(realm.get("users"))).singleElement().satisfies(account -> {
            assertThat(account.get("serviceAccountClientId")).isEqualTo("mra-reminders");
            assertThat(account.get("clientRoles")).isEqualTo(Map.of("realm-management", List.of("view-users")));
            assertThat(account.get("realmRoles")).isNull();
            assertThat(account.get("credentials")).isNull();
        });
        List<Map<String, Object>> clients = maps(realm.get("clients"));
        assertThat(clients).extracting(c -> c.get("clientId")).containsExactly("mra-gateway", "mra-reminders");
        assertThat(clients.get(1).get("secret")).isEqualTo("${REMINDERS_CLIENT_SECRET}");
        assertThat(clients.get(1).get("standardFlowEnabled")).isEqualTo(false);
        assertThat(text(realmImport, "spec", "placeholders", "REMINDERS_CLIENT_SECRET", "secret", "name")).isEqualTo("reminders-keycloak");
        Map<String, Object> localGateway = maps(local.get("clients")).stream()
                .filter(c -> "mra-gateway".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertThat(clients.get(0).get("protocolMappers")).isEqualTo(localGateway.get("protocolMappers"));
        assertThat(clients.get(0).get("secret")).isEqualTo("${GATEWAY_CLIENT_SECRET}");
        assertThat(text(realmImport, "spec", "placeholders", "GATEWAY_CLIENT_SECRET", "secret", "name")).isEqualTo("gateway-oidc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everySiteValueIsSetAndTheHostNamesAgree(String overlay) throws Exception {
        String rendered = render("overlays/" + overlay);
        assertThat(rendered).as("a value of base that the overlay must set").doesNotContain(".invalid");
        List<Map<String, Object>> resources = Yamls.documents(rendered);
        Map<String, Object> urls = map(named(ofKind(resources, "ConfigMap"), "platform-urls").get("data"));
        String keycloak = (String) urls.get("keycloak-public-url");
        assertThat(urls.get("keycloak-issuer-uri")).isEqualTo(keycloak + "/realms/mra");
        assertThat(text(only(resources, "Keycloak"), "spec", "hostname", "hostname")).isEqualTo(keycloak);
        String gatewayHost = text(maps(at(named(ofKind(resources, "Ingress"), "gateway"), "spec", "rules")).get(0), "host");
        Map<String, Object> client = maps(at(only(resources, "KeycloakRealmImport"), "spec", "realm", "clients")).get(0);
        assertThat(list(client.get("redirectUris"))).singleElement().asString()
                .matches("https?://" + java.util.regex.Pattern.quote(gatewayHost) + "/login/oauth2/code/keycloak");
    }

    @Test
    void everyRegisteredChallengeHasItsComponentAndEveryOverlayListsThem() throws IOException {
        try (Stream<Path> components = Files.list(K8S.resolve("components"))) {
            assertThat(components.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .isEqualTo(new HashSet<>(REGISTRY.codes()));
        }
        for (String overlay : List.of("local", "production")) {
            Map<String, Object> kustomization = Yamls.documents(
                    Files.readString(K8S.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"))).get(0);
            assertThat(list(kustomization.get("components"))).as(overlay)
                    .containsAll(REGISTRY.codes().stream().map(code -> "../../components/" + code).toList());
        }
    }

    // --- helpers

    private static String render(String target) throws Exception {
        ExternalTool kubectl = ExternalTool.find("kubectl").orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed");
        ExternalTool.Result result = kubectl.run(K8S, "kustomize", target);
        assertThat(result.succeeded()).as(result.output()).isTrue();
        return result.output();
    }

    private static List<Map<String, Object>> overlay(String name) throws Exception {
        return Yamls.documents(render("overlays/" + name));
    }

    private static List<String> platformServices() {
        List<String> services = new ArrayList<>(REGISTRY.challenges().stream().map(Challenge::service).toList());
        services.add(PlatformSettings.SCORECARD);
        services.add("gateway");
        return services;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> resources, String kind) {
        List<Map<String, Object>> found = ofKind(resources, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> named(List<Map<String, Object>> resources, String name) {
        return resources.stream().filter(r -> name.equals(name(r))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is missing"));
    }

    private static String name(Map<String, Object> resource) {
        return text(resource, "metadata", "name");
    }

    private static String image(Map<String, Object> deployment) {
        return text(maps(at(deployment, "spec", "template", "spec", "containers")).get(0), "image");
    }

    private static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return map(at(deployment, "spec", "template", "metadata", "labels"));
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** The names of the Deployments whose pods carry {@code label: "true"}. */
    private static Set<String> labelled(List<Map<String, Object>> resources, String label) {
        return ofKind(resources, "Deployment").stream().filter(d -> "true".equals(podLabels(d).get(label)))
                .map(KubernetesManifestsTest::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The Secret name or key an environment variable of the Deployment's container is read from, or null. */
    private static String secretOf(Map<String, Object> deployment, String variable, String field) {
        return maps(at(maps(at(deployment, "spec", "template", "spec", "containers")).get(0), "env")).stream()
                .filter(e -> variable.equals(e.get("name")))
                .map(e -> text(e, "valueFrom", "secretKeyRef", field)).findFirst().orElse(null);
    }

    private static Set<String> roleNames(Map<String, Object> realm) {
        return maps(at(realm, "roles", "realm")).stream().map(r -> (String) r.get("name")).collect(Collectors.toCollection(TreeSet::new));
    }
}
