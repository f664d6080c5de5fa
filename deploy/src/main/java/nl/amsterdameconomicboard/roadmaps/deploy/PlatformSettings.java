package nl.amsterdameconomicboard.roadmaps.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the local platform lives and which ports it takes. Every port can be moved with an environment variable
 * ({@code KAFKA_PORT}, {@code MONGODB_PORT}, {@code KEYCLOAK_PORT}, {@code CIRCULAR_PORT} … {@code GATEWAY_PORT}).
 *
 * @param root          the repository, where the built jars are
 * @param dataDir       data, logs and process ids ({@code .data})
 * @param externalMongo a real MongoDB to use instead of the embedded store ({@code MONGODB_URI}), or null
 * @param javaOptions   JVM options of the services and the gateway ({@code PLATFORM_JAVA_OPTS})
 * @param externalIssuer another token issuer for the services ({@code KEYCLOAK_ISSUER_URI}), or null for the local Keycloak
 * @param externalJwks   its key set ({@code KEYCLOAK_JWKS_URI}), or null for the issuer's standard location
 */
public record PlatformSettings(Path root, Path dataDir, Map<String, Integer> ports, String externalMongo, String javaOptions,
                               String externalIssuer, String externalJwks) {

    public static final String KAFKA = "kafka";
    public static final String STORE = "store";
    public static final String KEYCLOAK = "keycloak";
    public static final String GATEWAY = "gateway";

    /** The services, in start order, with their default ports. */
    static final Map<String, Integer> SERVICES = orderedMap(
            "circular-service", 8081, "mobility-service", 8082, "health-service", 8083,
            "digital-service", 8084, "talent-service", 8085, "scorecard-service", 8086);

    static final String DEFAULT_JAVA_OPTIONS = "-XX:+UseSerialGC -Xmx256m -Xss512k -XX:TieredStopAtLevel=1";

    public static PlatformSettings fromEnvironment(Path root, Function<String, String> env) {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put(KAFKA, 9092);
        defaults.put(STORE, 27017);
        defaults.put(KEYCLOAK, 8180);
        defaults.putAll(SERVICES);
        defaults.put(GATEWAY, 8080);
        Map<String, Integer> ports = new LinkedHashMap<>();
        defaults.forEach((component, port) -> ports.put(component, port(env, portVariable(component), port)));
        String dataDir = env.apply("PLATFORM_DATA_DIR");
        String javaOptions = env.apply("PLATFORM_JAVA_OPTS");
        return new PlatformSettings(root.toAbsolutePath().normalize(),
                dataDir == null ? root.resolve(".data").toAbsolutePath().normalize() : Path.of(dataDir).toAbsolutePath().normalize(),
                ports, blankToNull(env.apply("MONGODB_URI")), javaOptions == null ? DEFAULT_JAVA_OPTIONS : javaOptions,
                blankToNull(env.apply("KEYCLOAK_ISSUER_URI")), blankToNull(env.apply("KEYCLOAK_JWKS_URI")));
    }

    /** The environment variable that moves a component's port: KAFKA_PORT, MONGODB_PORT, CIRCULAR_PORT, GATEWAY_PORT … */
    public static String portVariable(String component) {
        return (component.equals(STORE) ? "MONGODB" : envName(component)) + "_PORT";
    }

    public int port(String component) {
        return ports.get(component);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + port(KAFKA);
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

    private static Map<String, Integer> orderedMap(Object... entries) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], (Integer) entries[i + 1]);
        }
        return map;
    }
}
