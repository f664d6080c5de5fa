package nl.amsterdameconomicboard.roadmaps.support.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The engines production runs, in containers (needs Docker): a MongoDB replica set, an Apache Kafka broker and
 * Keycloak with the platform's realm. Each starts on first use and serves every test of the JVM; Testcontainers
 * removes them when the JVM ends.
 */
public final class RealEngines {

    /** A replica set, as production runs: Testcontainers 2 starts a lone server unless asked for one. */
    static final String MONGODB_IMAGE = "mongo:7.0";
    /** The version ./platform runs (keycloak.version in the root pom). */
    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.5.6";
    /** The realm ./platform imports: its clients, roles, mappers and demo users. */
    static final Path REALM_FILE = Path.of("deploy", "keycloak", "mra-realm.json");
    public static final String REALM = "mra";
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;
    private static GenericContainer<?> keycloak;

    private RealEngines() {
    }

    /** The connection string of a one-member MongoDB replica set; the database is the service's own. */
    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoDBContainer(MONGODB_IMAGE).withReplicaSet();
            mongo.start();
        }
        return mongo.getConnectionString();
    }

    /** The bootstrap servers of a KRaft broker of the same Kafka version as the clients Spring Boot manages. */
    public static synchronized String kafkaBrokers() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:" + AppInfoParser.getVersion());
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    /**
     * Keycloak's base URL, as services and clients both address it: tokens name it in their issuer, so a service
     * must be given the same host and port that the tokens were asked for.
     */
    public static synchronized String keycloakUrl() {
        if (keycloak == null) {
            keycloak = new GenericContainer<>(KEYCLOAK_IMAGE)
                    .withCommand("start-dev", "--import-realm")
                    .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN)
                    .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD)
                    .withCopyFileToContainer(MountableFile.forHostPath(realmFile()), "/opt/keycloak/data/import/" + REALM + "-realm.json")
                    .withExposedPorts(8080)
                    // the realm answers once it has been imported
                    .waitingFor(Wait.forHttp("/realms/" + REALM).forPort(8080).forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(3)));
            keycloak.start();
        }
        return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
    }

    /** The issuer of the platform realm's tokens, as {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. */
    public static String realmIssuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** The realm file of the repository the test runs in (a module's directory or the root). */
    private static Path realmFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REALM_FILE))) {
                return dir.resolve(REALM_FILE);
            }
        }
        throw new IllegalStateException("No " + REALM_FILE + " above " + Path.of("").toAbsolutePath());
    }
}
