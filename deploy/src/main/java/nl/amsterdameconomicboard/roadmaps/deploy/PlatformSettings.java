package nl.amsterdameconomicboard.roadmaps.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;

/**
 * Where the local platform lives and which ports it takes. Every port can be moved with an environment variable
 * ({@code KAFKA_PORT}, {@code MONGODB_PORT}, {@code KEYCLOAK_PORT}, {@code MAIL_PORT}, {@code CIRCULAR_PORT} …
 * {@code GATEWAY_PORT}).
 *
 * @param root          the repository, where the built jars are
 * @param dataDir       data, logs and process ids ({@code .data})
 * @param externalMongo a real MongoDB to use instead of the embedded store ({@code MONGODB_URI}), or null
 * @param javaOptions   JVM options of the services and the gateway ({@code PLATFORM_JAVA_OPTS})
 * @param externalIssuer another token issuer for the services ({@code KEYCLOAK_ISSUER_URI}), or null for the local Keycloak
 * @param externalJwks   its key set ({@code KEYCLOAK_JWKS_URI}), or null for the issuer's standard location
 * @param registry      the challenges to run, from the challenge registry ({@code CHALLENGE_REGISTRY} replaces the built-in one)
 * @param registryFile  the registry file named by {@code CHALLENGE_REGISTRY}, handed on to every service, or null
 * @param kafkaBrokers  Kafka brokers to run ({@code KAFKA_BROKERS}, or {@code ./platform up --kafka-brokers 3}): one, or a
 *                      cluster on the ports after {@code KAFKA_PORT}, two per node (client, controller)
 * @param classDataSharing whether the services start with class data sharing archives ({@link ClassDataSharing}); on
 *                      unless {@code PLATFORM_CDS=off}
 */
public record PlatformSettings(Path root, Path dataDir, Map<String, Integer> ports, String externalMongo, String javaOptions,
                               String externalIssuer, String externalJwks, ChallengeRegistry registry, String registryFile,
                               int kafkaBrokers, boolean classDataSharing) {

    public static final String KAFKA = "kafka";
    public static final String STORE = "store";
    public static final String KEYCLOAK = "keycloak";
    /** GreenMail's SMTP server: every mail the platform sends locally (the reminders' digests) lands there. */
    public static final String MAIL = "mail";
    /** GreenMail's web view and API listen this far above its SMTP port (3025 → 8025). */
    static final int MAIL_API_OFFSET = 5000;
    /** LOCAL DEMO ONLY: the secret of the client mra-reminders in deploy/keycloak/mra-realm.json. */
    static final String LOCAL_DEMO_REMINDERS_SECRET = "local-demo-reminders-secret";
    public static final String GATEWAY = "gateway";

    public static final String SCORECARD = "scorecard-service";
    /** The variable that sets how many Kafka brokers run (what {@code --kafka-brokers} sets). */
    public static final String KAFKA_BROKERS = "KAFKA_BROKERS";
    static final int MAX_KAFKA_BROKERS = 5;

    /**
     * The services' and the gateway's JVM: one GC thread, C1 only (they start sooner and stay smaller), and a heap that
     * starts small and gives memory back after a collection (the default initial heap, 1/64 of this machine's memory,
     * was the whole 256 MB from the start).
     */
    static final String DEFAULT_JAVA_OPTIONS = "-XX:+UseSerialGC -Xms48m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k"
            + " -XX:TieredStopAtLevel=1";

    public static PlatformSettings fromEnvironment(Path root, Function<String, String> env) {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put(KAFKA, 9092);
        defaults.put(STORE, 27017);
        defaults.put(KEYCLOAK, 8180);
        defaults.put(MAIL, 3025);
        ChallengeRegistry registry = ChallengeRegistry.load(env);
        // the challenge services in overview order, each on its registry port
        registry.challenges().forEach(c -> defaults.put(c.service(), c.port()));
        defaults.put(SCORECARD, 8086);
        defaults.put(GATEWAY, 8080);
        Map<String, Integer> configured = new LinkedHashMap<>();
        defaults.forEach((component, port) -> configured.put(component, port(env, portVariable(component), port)));
        int kafkaBrokers = port(env, KAFKA_BROKERS, 1);
        if (kafkaBrokers < 1 || kafkaBrokers > MAX_KAFKA_BROKERS) {
            throw new IllegalArgumentException("Kafka brokers: 1 to " + MAX_KAFKA_BROKERS + ", not " + kafkaBrokers);
        }
        // the further nodes of a cluster on the ports after the first's client and controller ports
        Map<String, Integer> ports = new LinkedHashMap<>();
        configured.forEach((component, port) -> {
            ports.put(component, port);
            if (component.equals(KAFKA)) {
                for (int node = 2; node <= kafkaBrokers; node++) {
                    ports.put(kafkaNode(node), port + 2 * (node - 1));
                }
            }
        });
        refuseSharedPorts(ports, registry);
        String dataDir = env.apply("PLATFORM_DATA_DIR");
        String javaOptions = env.apply("PLATFORM_JAVA_OPTS");
        return new PlatformSettings(root.toAbsolutePath().normalize(),
                dataDir == null ? root.resolve(".data").toAbsolutePath().normalize() : Path.of(dataDir).toAbsolutePath().normalize(),
                ports, blankToNull(env.apply("MONGODB_URI")), javaOptions == null ? DEFAULT_JAVA_OPTIONS : javaOptions,
                blankToNull(env.apply("KEYCLOAK_ISSUER_URI")), blankToNull(env.apply("KEYCLOAK_JWKS_URI")),
                registry, blankToNull(env.apply(ChallengeRegistry.LOCATION_VARIABLE)), kafkaBrokers,
                !"off".equalsIgnoreCase(env.apply(ClassDataSharing.VARIABLE)));
    }

    /** The registry keeps challenges apart; this keeps them off the ports of the scorecard, the gateway and the infrastructure. */
    private static void refuseSharedPorts(Map<String, Integer> ports, ChallengeRegistry registry) {
        Map<Integer, String> byPort = new HashMap<>();
        ports.forEach((component, port) -> {
            String other = byPort.putIfAbsent(port, component);
            if (other != null) {
                throw new IllegalArgumentException("Port " + port + " is given to both " + other + " and " + component
                        + "; move one with its *_PORT variable or in the challenge registry " + registry.source() + ".");
            }
        });
    }

    /** The backend services in start order: the registry's challenges, then the scorecard. */
    public List<String> services() {
        List<String> services = new ArrayList<>(registry.challenges().stream().map(Challenge::service).toList());
        services.add(SCORECARD);
        return services;
    }

    /** The environment variable that moves a component's port: KAFKA_PORT, MONGODB_PORT, CIRCULAR_PORT, GATEWAY_PORT … */
    public static String portVariable(String component) {
        return (component.equals(STORE) ? "MONGODB" : envName(component)) + "_PORT";
    }

    public int port(String component) {
        return ports.get(component);
    }

    /** Every broker: clients find the cluster from any of them, and keep working while one is down. */
    public String kafkaBootstrap() {
        return String.join(",", kafkaNodes().stream().map(node -> "127.0.0.1:" + port(node)).toList());
    }

    /** The Kafka brokers' component names: {@code kafka}, then {@code kafka-2}, {@code kafka-3} … in a cluster. */
    public List<String> kafkaNodes() {
        List<String> nodes = new ArrayList<>();
        for (int node = 1; node <= kafkaBrokers; node++) {
            nodes.add(kafkaNode(node));
        }
        return nodes;
    }

    static String kafkaNode(int node) {
        return node == 1 ? KAFKA : KAFKA + "-" + node;
    }

    /**
     * Replicas of each topic: three in a cluster of three or more (one broker may fail, and with {@link #kafkaMinInSync}
     * an acknowledged write is on two), else as many as there are brokers.
     */
    public int kafkaReplicas() {
        return Math.min(kafkaBrokers, 3);
    }

    /** Replicas that must have a write before it is acknowledged (producers send with acks=all). */
    public int kafkaMinInSync() {
        return Math.max(1, kafkaReplicas() - 1);
    }

    /** The local broker's users and their generated passwords (LOCAL ONLY). */
    public KafkaUsers kafkaUsers() {
        return KafkaUsers.in(dataDir.resolve("kafka"));
    }

    /** Written by {@code ./platform up} once everything is healthy: seconds to healthy per component, and {@value #STARTUP_TOTAL}. */
    public Path startupFile() {
        return dataDir.resolve("run/startup.properties");
    }

    public static final String STARTUP_TOTAL = "platform";

    /** The JVM options that mark a process as this platform's, so that {@code ./platform down} stops it too (a bench's extra scorecard). */
    public List<String> processMarkers(String component) {
        return List.of(ComponentProcess.COMPONENT_MARKER + component, ComponentProcess.DATA_MARKER + dataDir);
    }

    /** The pid file of a component the launcher started ({@code .data/run/<component>.pid}). */
    public Path pidFile(String component) {
        return dataDir.resolve("run").resolve(component + ".pid");
    }

    public String mongoUri() {
        return externalMongo != null ? externalMongo : "mongodb://127.0.0.1:" + port(STORE);
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + port(KEYCLOAK);
    }

    public String issuer() {
        return externalIssuer != null ? externalIssuer : keycloakUrl() + "/realms/mra";
    }

    public String jwksUri() {
        return externalJwks != null ? externalJwks : issuer() + "/protocol/openid-connect/certs";
    }

    /** GreenMail's web view and REST API ({@code /api/user/<address>/messages/}). */
    public String mailApiUrl() {
        return "http://127.0.0.1:" + (port(MAIL) + MAIL_API_OFFSET);
    }

    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    public String gatewayUrl() {
        return "http://localhost:" + port(GATEWAY);
    }

    /** circular-service → CIRCULAR, scorecard-service → SCORECARD, gateway → GATEWAY. */
    static String envName(String service) {
        return service.replace("-service", "").toUpperCase();
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
