package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlatformTest {

    @TempDir
    Path dataDir;

    @Test
    void aTakenPortStopsTheStartBeforeAnythingRunsAndNamesPortAndComponent() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("."),
                    Map.of("PLATFORM_DATA_DIR", dataDir.toString(), "CIRCULAR_PORT", Integer.toString(port))::get);
            List<String> progress = new ArrayList<>();

            assertThatThrownBy(() -> new Platform(settings, progress::add).start())
                    .hasMessageContaining("port " + port + " (circular-service)");
            assertThat(progress).isEmpty();
            assertThat(Files.list(dataDir)).isEmpty();
        }
    }

    @Test
    void everyPortMovesWithItsVariableAndARealMongoReplacesTheStore() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of(
                "KAFKA_PORT", "19092", "GATEWAY_PORT", "18080", "SCORECARD_PORT", "18086",
                "MONGODB_URI", "mongodb://db.example:27017")::get);
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.port(PlatformSettings.GATEWAY)).isEqualTo(18080);
        assertThat(settings.port("scorecard-service")).isEqualTo(18086);
        assertThat(settings.port("circular-service")).isEqualTo(8081);
        assertThat(settings.mongoUri()).isEqualTo("mongodb://db.example:27017");
        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/.data"));
    }

    @Test
    void theServicesAreTheRegistrysChallengesThenTheScorecardAndTheWelcomeNamesThem() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of("TALENT_PORT", "18085")::get);
        assertThat(settings.services()).containsExactly("circular-service", "mobility-service", "health-service", "digital-service",
                "talent-service", "scorecard-service");
        assertThat(settings.port("health-service")).isEqualTo(8083);
        assertThat(settings.port("talent-service")).isEqualTo(18085);
        assertThat(settings.registryFile()).isNull();
        assertThat(LocalPlatform.demoUsers(settings.registry().codes())).extracting(u -> u[0]).contains("circular-lead … talent-lead");
    }

    @Test
    void aChallengeAddedToARegistryFileIsStartedOnItsPortWhichItsVariableMoves() throws IOException {
        Path registry = dataDir.resolve("challenges.json");
        Files.writeString(registry, """
                [{"code": "talent", "name": {"nl": "Talent voor de Toekomst", "en": "Talent for the Future"}, "port": 8085, "colour": "#005a70", "position": 2},
                 {"code": "energy", "name": {"nl": "Energietransitie", "en": "Energy transition"}, "port": 8087, "colour": "#7a5c00", "position": 1}]
                """);
        Map<String, String> env = Map.of("CHALLENGE_REGISTRY", registry.toString());
        PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("/repo"), env::get);
        assertThat(settings.services()).containsExactly("energy-service", "talent-service", "scorecard-service");
        assertThat(settings.port("energy-service")).isEqualTo(8087);
        assertThat(settings.registryFile()).isEqualTo(registry.toString());
        assertThat(PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of("CHALLENGE_REGISTRY", registry.toString(), "ENERGY_PORT", "18087")::get)
                .port("energy-service")).isEqualTo(18087);
    }

    @Test
    void threeKafkaBrokersTakeThePortsAfterTheFirstAndEveryClientIsGivenAllOfThem() {
        PlatformSettings one = PlatformSettings.fromEnvironment(Path.of("/repo"), name -> null);
        assertThat(one.kafkaNodes()).containsExactly("kafka");
        assertThat(one.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(one.kafkaReplicas()).isEqualTo(1);
        assertThat(one.kafkaMinInSync()).isEqualTo(1);

        String[] up = {"up", "--kafka-brokers", "3"};
        String brokers = LocalPlatform.option(up, "--kafka-brokers");
        PlatformSettings three = PlatformSettings.fromEnvironment(Path.of("/repo"),
                Map.of(PlatformSettings.KAFKA_BROKERS, brokers, "KAFKA_PORT", "19092", "PLATFORM_DATA_DIR", dataDir.toString())::get);
        assertThat(three.kafkaNodes()).containsExactly("kafka", "kafka-2", "kafka-3");
        assertThat(three.port("kafka-3")).isEqualTo(19096); // each node a client and a controller port
        assertThat(three.kafkaBootstrap()).isEqualTo("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096");
        assertThat(three.kafkaReplicas()).isEqualTo(3);
        assertThat(three.kafkaMinInSync()).isEqualTo(2);
        Map<String, String> env = new Platform(three, line -> { }).serviceEnvironment("circular-service");
        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", three.kafkaBootstrap()).containsEntry("ROADMAP_TOPICS_REPLICAS", "3")
                .containsEntry("SCORECARD_TOPICS_REPLICAS", "3");

        assertThat(LocalPlatform.option(new String[] {"up", "--kafka-brokers=3"}, "--kafka-brokers")).isEqualTo("3");
        assertThatThrownBy(() -> LocalPlatform.option(new String[] {"up", "--kafka-brokers"}, "--kafka-brokers")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of(PlatformSettings.KAFKA_BROKERS, "0")::get))
                .hasMessageContaining("Kafka brokers: 1 to 5");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of(PlatformSettings.KAFKA_BROKERS, "3", "MONGODB_PORT", "9094")::get))
                .hasMessageContaining("Port 9094 is given to both kafka-2 and store");
    }

    @Test
    void aChallengeOnThePortOfAnotherComponentIsRefusedNamingBoth() {
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of("HEALTH_PORT", "8080")::get))
                .hasMessageContaining("Port 8080 is given to both health-service and gateway");
    }

    @Test
    void theRealmLocksOutGuessedPasswordsHasAPasswordPolicyAndNoPlainPassword() throws IOException {
        JsonNode realm = JsonMapper.builder().build().readTree(Files.readString(Path.of("keycloak/mra-realm.json")));
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("passwordPolicy").asString()).contains("length(12)", "notUsername");
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                assertThat(credential.has("value")).as(user.path("username").asString() + " has a password in plain text").isFalse();
                assertThat(credential.path("credentialData").asString()).contains("pbkdf2-sha512");
            }
        }
    }

    @Test
    void theRealmGetsEditorRoleAndDemoLeadOfEveryRegisteredChallengeItLacks() throws IOException {
        String realm = Files.readString(Path.of("keycloak/mra-realm.json"));
        assertThat(RealmChallengeUsers.complete(realm, PlatformSettings.fromEnvironment(Path.of("/repo"), name -> null).registry()))
                .as("the Board's five are in the realm file already").isSameAs(realm);

        Path registry = dataDir.resolve("challenges.json");
        Files.writeString(registry, """
                [{"code": "talent", "name": {"nl": "Talent voor de Toekomst", "en": "Talent for the Future"}, "port": 8085, "colour": "#005a70", "position": 1},
                 {"code": "energy", "name": {"nl": "Energietransitie", "en": "Energy transition"}, "port": 8087, "colour": "#7a5c00", "position": 2}]
                """);
        String completed = RealmChallengeUsers.complete(realm,
                PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of("CHALLENGE_REGISTRY", registry.toString())::get).registry());
        JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(completed);
        assertThat(json.path("roles").path("realm").findValuesAsString("name")).contains("energy-editor", "talent-editor", "circular-editor")
                .containsOnlyOnce("talent-editor");
        JsonNode lead = java.util.stream.StreamSupport.stream(json.path("users").spliterator(), false)
                .filter(u -> u.path("username").asString().equals("energy-lead")).findFirst().orElseThrow();
        assertThat(lead.path("realmRoles").toString()).contains("energy-editor");
        assertThat(lead.path("firstName").asString()).isEqualTo("Energy transition");
        assertThat(lead.path("email").asString()).isEqualTo("energy-lead@demo.mra.local");
        JsonNode board = java.util.stream.StreamSupport.stream(json.path("users").spliterator(), false)
                .filter(u -> u.path("username").asString().equals("board")).findFirst().orElseThrow();
        assertThat(lead.path("credentials")).as("the demo password, hashed as the realm file's users have it").isEqualTo(board.path("credentials"));
        JsonNode before = tools.jackson.databind.json.JsonMapper.builder().build().readTree(realm).path("clients");
        assertThat(json.path("clients").size()).as("only the new challenge's machine client is added").isEqualTo(before.size() + 1);
        assertThat(json.path("clients").findValuesAsString("clientId")).containsOnlyOnce("talent-importer", "energy-importer");
        assertTeamMachineClient(json, "energy");
    }

    @Test
    void everyChallengeTeamHasAMachineClientWhoseServiceAccountOnlyEditsItsChallenge() throws IOException {
        JsonNode realm = tools.jackson.databind.json.JsonMapper.builder().build().readTree(Files.readString(Path.of("keycloak/mra-realm.json")));
        for (String code : PlatformSettings.fromEnvironment(Path.of("/repo"), name -> null).registry().codes()) {
            assertTeamMachineClient(realm, code);
        }
    }

    /** {@code <code>-importer}: client credentials only, the local demo secret, the API's audience, the editor role alone. */
    private static void assertTeamMachineClient(JsonNode realm, String code) {
        JsonNode client = java.util.stream.StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asString().equals(code + "-importer")).findFirst().orElseThrow();
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asString()).isEqualTo("local-demo-" + code + "-importer")
                .isEqualTo(RealmChallengeUsers.localDemoSecretOf(code));
        assertThat(client.path("description").asString()).contains("LOCAL DEMO SECRET");
        assertThat(client.path("protocolMappers").findValuesAsString("included.custom.audience")).containsExactly("mra-api");
        JsonNode account = java.util.stream.StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(u -> u.path("serviceAccountClientId").asString().equals(code + "-importer")).findFirst().orElseThrow();
        assertThat(account.path("username").asString()).isEqualTo("service-account-" + code + "-importer");
        assertThat(account.path("realmRoles").toString()).isEqualTo("[\"" + code + "-editor\"]");
        assertThat(account.has("clientRoles")).isFalse();
    }

    @Test
    void keycloakImportsRealmMraAndThePartnerRealmsWithTheirUrlsOnTheMovedPorts() throws IOException {
        Path home = dataDir.resolve("keycloak").resolve("keycloak-" + KeycloakDistribution.version());
        Files.createDirectories(home);
        Files.writeString(home.resolve(".unpacked"), KeycloakDistribution.version()); // as if unpacked already
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve("removed-realm.json"), "{}");

        KeycloakDistribution.install(Path.of(".."), dataDir, 18080, 18180, PlatformSettings.fromEnvironment(Path.of("/repo"), name -> null).registry());

        assertThat(Files.list(imports).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mra-realm.json", "randstad-realm.json");
        tools.jackson.databind.JsonNode mra = tools.jackson.databind.json.JsonMapper.builder().build().readTree(imports.resolve("mra-realm.json"));
        tools.jackson.databind.JsonNode provider = mra.path("identityProviders").get(0);
        assertThat(provider.path("alias").asString()).isEqualTo("randstad");
        assertThat(provider.path("config").path("issuer").asString()).isEqualTo("http://127.0.0.1:18180/realms/randstad");
        assertThat(provider.path("config").path("tokenUrl").asString()).startsWith("http://127.0.0.1:18180/realms/randstad/");
        assertThat(mra.path("clients").get(0).path("redirectUris").toString()).contains("http://localhost:18080/login/oauth2/code/keycloak")
                .doesNotContain(":8080/");
        assertThat(Files.readString(imports.resolve("randstad-realm.json")))
                .contains("\"http://127.0.0.1:18180/realms/mra/broker/randstad/endpoint\"").doesNotContain(":8180");
    }

    @Test
    void aPartnerOrganisationsProviderGivesRolePartnerAndItsOneOrganisationNotWhatItsTokensClaim() throws IOException {
        tools.jackson.databind.JsonNode mra = tools.jackson.databind.json.JsonMapper.builder().build().readTree(Path.of("keycloak/mra-realm.json"));
        Map<String, tools.jackson.databind.JsonNode> mappers = new java.util.HashMap<>();
        mra.path("identityProviderMappers").forEach(m -> mappers.put(m.path("identityProviderAlias").asString() + " "
                + m.path("identityProviderMapper").asString(), m.path("config")));
        assertThat(mappers.get("randstad oidc-hardcoded-role-idp-mapper").path("role").asString()).isEqualTo("partner");
        tools.jackson.databind.JsonNode organisation = mappers.get("randstad hardcoded-attribute-idp-mapper");
        assertThat(organisation.path("attribute").asString() + "=" + organisation.path("attribute.value").asString()).isEqualTo("organisation=Randstad");
        assertThat(mappers).as("no organisation taken from the partner's own claims").doesNotContainKey("randstad oidc-user-attribute-idp-mapper");
    }
}
