package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway's sessions in the platform's store, with real Keycloak sign-ins on the shared platform: a gateway
 * restart signs nobody out, a second gateway on the same store accepts the same session, and a flood of sign-in
 * starts stores nothing and locks nobody out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySessionsIT {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ComponentProcess> started = new ArrayList<>();
    private PlatformSettings settings;
    private Platform platform;
    private MongoClient mongo;
    private MongoCollection<Document> sessions;

    @BeforeAll
    void start() throws Exception {
        settings = SharedPlatform.get();
        platform = SharedPlatform.platform();
        mongo = MongoClients.create(settings.mongoUri());
        sessions = mongo.getDatabase("gateway").getCollection("sessions");
    }

    @AfterAll
    void stop() {
        started.forEach(c -> c.stop(Duration.ofSeconds(20)));
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void aGatewayRestartSignsNobodyOut() throws Exception {
        SignInBrowser browser = new SignInBrowser(http);
        browser.signIn(settings.gatewayUrl(), settings.issuer(), "mobility-lead");
        String session = browser.cookie("SESSION").orElseThrow();
        Document stored = sessions.find(new Document("_id", session)).first();
        assertThat(stored).as("the session in the store").isNotNull();
        assertThat(stored.getString("principal")).isEqualTo("mobility-lead");

        platform.component(PlatformSettings.GATEWAY).stop(Duration.ofSeconds(20));
        platform.restart(PlatformSettings.GATEWAY);

        assertThat(browser.get(gateway(settings.gatewayUrl(), "/me")).body()).contains("\"username\":\"mobility-lead\"");
        changeStatusThroughTheSession(browser, settings.gatewayUrl(), "its-freight-2017");
    }

    @Test
    void aSecondGatewayOnTheSameStoreAcceptsTheSessionAndSigningOutThereEndsItEverywhere() throws Exception {
        String second = startSecondGateway();
        SignInBrowser browser = new SignInBrowser(http);
        browser.signIn(settings.gatewayUrl(), settings.issuer(), "admin");

        // the same SESSION cookie (browsers send a host's cookies to each of its ports)
        assertThat(browser.get(gateway(second, "/me")).body()).contains("\"username\":\"admin\"");
        changeStatusThroughTheSession(browser, second, "cycling-next-level-2017");

        String session = browser.cookie("SESSION").orElseThrow();
        HttpResponse<String> signedOut = browser.write("POST", gateway(second, "/logout"), "");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/protocol/openid-connect/logout");
        assertThat(sessions.countDocuments(new Document("_id", session))).isZero();
        // the old cookie, replayed at the first gateway
        HttpResponse<String> replayed = http.send(SignInBrowser.request(gateway(settings.gatewayUrl(), "/me")).header("Cookie", "SESSION=" + session)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.body()).contains("\"authenticated\":false");
    }

    @Test
    void tenThousandSignInStartsStoreNothingAndTheNextPersonSignsInAsUsual() throws Exception {
        long storedBefore = sessions.countDocuments();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<?>> requests = new ArrayList<>();
        URI start = gateway(settings.gatewayUrl(), "/oauth2/authorization/keycloak");
        long began = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            inFlight.acquire();
            requests.add(http.sendAsync(SignInBrowser.request(start).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        statuses.merge(failure == null ? response.statusCode() : -1, 1, Integer::sum);
                    }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf("10,000 sign-in starts in %.1f s: %s%n", took.toMillis() / 1000.0, statuses);

        assertThat(statuses).as("every one sent on to Keycloak").isEqualTo(Map.of(302, 10_000));
        assertThat(sessions.countDocuments()).as("no session stored for any of them").isEqualTo(storedBefore);

        SignInBrowser browser = new SignInBrowser(http);
        browser.signIn(settings.gatewayUrl(), settings.issuer(), "digital-lead");
        assertThat(browser.get(gateway(settings.gatewayUrl(), "/me")).body()).contains("\"username\":\"digital-lead\"");
    }

    /** A write through the session: the milestone's status moves between on track and at risk. */
    private void changeStatusThroughTheSession(SignInBrowser browser, String gateway, String milestone) throws Exception {
        Matcher current = STATUS.matcher(browser.get(gateway(gateway, "/api/mobility/milestones/" + milestone)).body());
        assertThat(current.find()).isTrue();
        String next = current.group(1).equals("ON_TRACK") ? "AT_RISK" : "ON_TRACK";
        HttpResponse<String> changed = browser.write("PUT", gateway(gateway, "/api/mobility/milestones/" + milestone + "/status"),
                "{\"status\": \"" + next + "\", \"note\": \"changed through a gateway session\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"status\":\"" + next + "\"");
    }

    /** Another gateway on another port, on the same store and Keycloak, as a second replica would run. */
    private String startSecondGateway() throws Exception {
        Path dataDir = settings.root().resolve("deploy/target/second-gateway");
        SharedPlatform.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int port = ExtraComponents.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "SERVER_PORT", Integer.toString(port), "SERVER_ADDRESS", "127.0.0.1",
                "KEYCLOAK_URL", settings.keycloakUrl(), "KEYCLOAK_PUBLIC_URL", settings.keycloakUrl(),
                "MONGODB_URI", settings.mongoUri(), "SPRING_PROFILES_ACTIVE", "local"));
        settings.services().forEach(s -> env.put(PlatformSettings.envName(s) + "_SERVICE_URL", settings.serviceUrl(s)));
        ComponentProcess gateway = ExtraComponents.jvm("second-gateway", port, "gateway", env, settings, dataDir);
        gateway.start();
        started.add(gateway);
        ExtraComponents.awaitHealthy(gateway);
        return "http://localhost:" + port;
    }

    private static URI gateway(String gateway, String path) {
        return URI.create(gateway + path);
    }
}
