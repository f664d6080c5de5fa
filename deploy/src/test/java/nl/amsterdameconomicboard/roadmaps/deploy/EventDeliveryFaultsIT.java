package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults with real processes: the Kafka broker stopped while editors change milestones, the scorecard and a
 * challenge service killed mid-stream, the store stopped, the identity provider's keys unreachable, a record the
 * scorecard cannot apply among the events, the scorecard rebuilt from an empty database by replay. Each adds its row to {@code docs/reliability.md}. No Keycloak here: the
 * services check tokens signed by this test's own key (the end-to-end test covers Keycloak).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventDeliveryFaultsIT {

    private static final int OFFSET = 20000;
    private static final List<String> MILESTONES = List.of("raw-materials-2017", "heat-2017", "co2-2017");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PlatformSettings settings;
    private Platform platform;
    private HttpServer jwks;
    private int jwksPort;
    private RSAKey key;
    private String issuer;
    private MongoClient mongo;

    @BeforeAll
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("fault-test").generate();
        startJwks(0);
        jwksPort = jwks.getAddress().getPort();
        issuer = "http://127.0.0.1:" + jwksPort + "/realms/fault-test";

        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path dataDir = root.resolve("deploy/target/fault-platform");
        SharedPlatform.deleteRecursively(dataDir);
        Map<String, String> env = new HashMap<>(Map.of("PLATFORM_DATA_DIR", dataDir.toString(),
                "KEYCLOAK_ISSUER_URI", issuer, "KEYCLOAK_JWKS_URI", "http://127.0.0.1:" + jwksPort + "/certs"));
        env.put(ClassDataSharing.VARIABLE, "off"); // the shared platform tries the archives; this one runs the jars as built
        TestPorts.put(env, root, OFFSET);
        settings = PlatformSettings.fromEnvironment(root, env::get);
        platform = new Platform(settings, System.out::println);
        platform.start(List.of(PlatformSettings.KAFKA, PlatformSettings.STORE, "circular-service", "scorecard-service"));
        mongo = MongoClients.create(settings.mongoUri());
        await().atMost(Duration.ofSeconds(60)).until(() -> scorecard().contains("\"total\":5"));
        awaitScorecardHasEveryChangeOnce(); // the seed's own events, before any test counts

    }

    /** The identity provider's key endpoint, as Keycloak serves it; stopped and started again by a fault test. */
    private void startJwks(int port) throws IOException {
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
    }

    @AfterAll
    void stop() {
        if (mongo != null) {
            mongo.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    @Test
    @Order(1)
    void changesAcceptedWhileKafkaIsDownArriveOnceWhenItIsBack() throws Exception {
        Map<String, Integer> before = scorecardEntries();
        platform.component(PlatformSettings.KAFKA).stop(Duration.ofSeconds(20));
        int accepted = 0;
        for (int round = 0; round < 4; round++) {
            for (String milestone : MILESTONES) {
                assertThat(change(milestone, round % 2 == 0 ? "ON_TRACK" : "AT_RISK").statusCode()).isEqualTo(200);
                accepted++;
            }
        }
        assertThat(pendingEvents()).as("events stored with their changes, waiting for Kafka").isGreaterThanOrEqualTo(12);

        platform.restart(PlatformSettings.KAFKA);
        Duration recovery = awaitScorecardHasEveryChangeOnce();
        assertThat(pendingEvents()).isZero();
        report("Kafka stopped (graceful) while editors change milestones, then started again",
                "every change answered 200; events waited in the outbox", accepted, before, recovery);
    }

    @Test
    @Order(3)
    void aScorecardKilledMidStreamCountsNothingTwice() throws Exception {
        Map<String, Integer> before = scorecardEntries();
        int accepted = 0;
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                platform.component("scorecard-service").kill();
            }
            accepted += change(MILESTONES.get(i % 3), (i / 3) % 2 == 0 ? "AT_RISK" : "ON_TRACK").statusCode() == 200 ? 1 : 0;
        }
        platform.restart("scorecard-service");
        Duration recovery = awaitScorecardHasEveryChangeOnce();
        report("the scorecard killed (kill -9) after 10 of 30 changes, then started again",
                "every change answered 200; the dashboard's numbers paused", accepted, before, recovery);
    }

    @Test
    @Order(4)
    void aChallengeServiceKilledWhileChangesArriveLosesNoAcceptedChange() throws Exception {
        Map<String, Integer> before = scorecardEntries();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger cut = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                try {
                    if (change(MILESTONES.get(i % 3), i % 2 == 0 ? "AT_RISK" : "ON_TRACK").statusCode() == 200) {
                        accepted.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (IOException refusedOrCut) {
                    failed.incrementAndGet();
                    cut.addAndGet(refusedOrCut instanceof ConnectException ? 0 : 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() >= 8);
        platform.component("circular-service").kill();
        writer.join();
        assertThat(failed.get()).as("changes sent while the service was down fail, visibly").isPositive();

        platform.restart("circular-service");
        Duration recovery = awaitScorecardHasEveryChangeOnce();
        int written = report("the circular service killed (kill -9) while an editor sends 40 changes, then started again",
                accepted.get() + " answered 200; " + failed.get() + " failed, of which " + cut.get() + " cut off mid-request (may have been written)",
                accepted.get(), cut.get(), before, recovery);
        assertThat(written).isBetween(accepted.get(), accepted.get() + cut.get());
    }

    @Test
    @Order(5)
    void whileTheStoreIsDownChangesAreRefusedAndNothingHalfWrittenRemains() throws Exception {
        Map<String, Integer> before = scorecardEntries();
        int accepted = 0;
        for (String milestone : MILESTONES) {
            assertThat(change(milestone, "AT_RISK").statusCode()).isEqualTo(200);
            accepted++;
        }
        platform.component(PlatformSettings.STORE).stop(Duration.ofSeconds(20));
        HttpResponse<String> refused = change(MILESTONES.get(0), "ON_TRACK");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.body()).contains("store-unavailable");

        platform.restart(PlatformSettings.STORE);
        for (String milestone : MILESTONES) {
            await().atMost(Duration.ofSeconds(30)).until(() -> change(milestone, "ON_TRACK").statusCode() == 200);
            accepted++;
        }
        Duration recovery = awaitScorecardHasEveryChangeOnce();
        report("the store stopped, then started again", "a change while it was down: 503 store-unavailable, nothing written; "
                + "afterwards changes are accepted again", accepted, before, recovery);
    }

    @Test
    @Order(2)
    void whileTheIdentityProviderIsDownSignedInEditorsKeepWorking() throws Exception {
        Map<String, Integer> before = scorecardEntries();
        jwks.stop(0);
        int accepted = 0;
        for (String milestone : MILESTONES) {
            assertThat(change(milestone, "AT_RISK").statusCode()).as("the service knows the signing key already").isEqualTo(200);
            accepted++;
        }
        startJwks(jwksPort);
        Duration recovery = awaitScorecardHasEveryChangeOnce();
        report("the identity provider's key endpoint stopped (tokens already issued)",
                "changes with a valid token answered 200: the services keep the signing keys they fetched (for 5 min)", accepted, before, recovery);
    }

    @Test
    @Order(6)
    void aRecordTheScorecardCannotApplyIsDeadLetteredAndTheChangesAfterItStillCount() throws Exception {
        Map<String, Integer> before = scorecardEntries();
        String milestone = MILESTONES.get(0);
        String withoutStatus = "{\"challenge\": \"circular\", \"spearhead\": \"raw-materials\", \"milestone\": \"" + milestone
                + "\", \"title\": {\"nl\": \"x\"}, \"deadline\": \"2017-12-31\", \"changedBy\": \"forger\", "
                + "\"changedAt\": \"2026-11-29T00:00:00Z\", \"revision\": 999999}";
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>("roadmap.milestones", "circular/" + milestone,
                withoutStatus.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", java.util.UUID.randomUUID().toString(), "ce_source", "/services/circular-service",
                        "ce_type", "nl.amsterdameconomicboard.roadmap.milestone.status-changed.v1", "content-type", "application/json")
                .forEach((name, value) -> poison.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.kafkaUsers().clientProperties(settings.kafkaBootstrap(), "circular-service"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(poison).get(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(change(milestone, i % 2 == 0 ? "ON_TRACK" : "AT_RISK").statusCode()).isEqualTo(200);
        }
        Duration recovery = awaitScorecardHasEveryChangeOnce();

        // what the dead-letter topic holds is ScorecardServiceTest's; here the scorecard's own count says it went there
        Matcher counted = Pattern.compile("(?m)^scorecard_events_dead_lettered_total\\{[^}]*topic=\"roadmap.milestones\"[^}]*}\\s+([0-9.E]+)")
                .matcher(send(HttpRequest.newBuilder(URI.create(settings.serviceUrl("scorecard-service") + "/actuator/prometheus")).build()).body());
        assertThat(counted.find()).as("the dead-letter metric").isTrue();
        assertThat(Double.parseDouble(counted.group(1))).isEqualTo(1.0);
            report("a record the scorecard cannot apply (a status change without its status) put on the milestones topic, "
                + "then 3 real changes", "every change answered 200; the record went to roadmap.milestones-dlt, logged as an error, "
                + "and the changes after it counted", 3, before, recovery);
    }

    @Test
    @Order(7)
    void aScorecardRebuiltByReplayingTheTopicsEqualsTheLiveOne() throws Exception {
        String live = scorecard();
        platform.component("scorecard-service").stop(Duration.ofSeconds(20));
        mongo.getDatabase("scorecard").drop();
        platform.component("scorecard-service").environment("SCORECARD_CONSUMER_GROUP", "scorecard-replay-" + System.currentTimeMillis());
        Instant restarted = Instant.now();
        platform.restart("scorecard-service");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scorecard()).isEqualTo(live));
        Map<String, Integer> replayed = scorecardEntries();
        int changes = replayed.values().stream().mapToInt(Integer::intValue).sum();
        ReliabilityReport.fault(new ReliabilityReport.Fault("the scorecard's database dropped, rebuilt by replaying the topics",
                "the same scorecard as before, after the replay", changes, changes, duplicates(), Duration.between(restarted, Instant.now())));
    }

    /** Every change of every milestone is in the scorecard's history exactly once, and the last one is current. */
    private Duration awaitScorecardHasEveryChangeOnce() {
        Instant since = Instant.now();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String milestone : MILESTONES) {
                long revision = serviceRevision(milestone);
                List<Long> revisions = scorecardRevisions(milestone);
                assertThat(revisions).as(milestone).containsExactlyElementsOf(LongStream.rangeClosed(1, revision).boxed().toList());
            }
        });
        return Duration.between(since, Instant.now());
    }

    private void report(String fault, String clientsSaw, int accepted, Map<String, Integer> before, Duration recovery) {
        assertThat(report(fault, clientsSaw, accepted, 0, before, recovery)).as("every accepted change is in the scorecard").isEqualTo(accepted);
    }

    /**
     * Adds the fault's row and returns the changes the scorecard got meanwhile. A request cut off by a crash may have
     * been written before its answer was lost: it is in the scorecard, though the client was not told it succeeded.
     */
    private int report(String fault, String clientsSaw, int accepted, int inDoubt, Map<String, Integer> before, Duration recovery) {
        Map<String, Integer> after = scorecardEntries();
        int inScorecard = MILESTONES.stream().mapToInt(m -> after.get(m) - before.get(m)).sum();
        int counted = Math.min(inScorecard, accepted);
        ReliabilityReport.fault(new ReliabilityReport.Fault(fault, clientsSaw + (inScorecard > accepted
                ? "; " + (inScorecard - accepted) + " of those were written and are in the scorecard" : ""), accepted, counted, duplicates(), recovery));
        assertThat(duplicates()).as("nothing counted twice").isZero();
        return inScorecard;
    }

    /** Entries of each milestone's history in the scorecard. */
    private Map<String, Integer> scorecardEntries() {
        Map<String, Integer> entries = new HashMap<>();
        MILESTONES.forEach(m -> entries.put(m, scorecardRevisions(m).size()));
        return entries;
    }

    private int duplicates() {
        return MILESTONES.stream().mapToInt(m -> {
            List<Long> revisions = scorecardRevisions(m);
            return revisions.size() - (int) revisions.stream().distinct().count();
        }).sum();
    }

    private List<Long> scorecardRevisions(String milestone) {
        // one document per change the scorecard received (milestone_changes), beside the milestone's state
        List<Long> revisions = new ArrayList<>();
        mongo.getDatabase("scorecard").getCollection("milestone_changes").find(new Document("key", "circular/" + milestone))
                .sort(new Document("revision", 1)).forEach(change -> revisions.add(((Number) change.get("revision")).longValue()));
        return revisions;
    }

    private HttpResponse<String> change(String milestone, String status) throws Exception {
        HttpResponse<String> current = send(HttpRequest.newBuilder(service("/api/circular/milestones/" + milestone)).build());
        if (current.body().contains("\"status\":\"" + status + "\"")) {
            status = status.equals("AT_RISK") ? "ON_TRACK" : "AT_RISK";
        }
        return send(HttpRequest.newBuilder(service("/api/circular/milestones/" + milestone + "/status"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + status + "\", \"note\": \"fault test\"}")).build());
    }

    private long serviceRevision(String milestone) throws Exception {
        Matcher m = Pattern.compile("\"revision\":(\\d+)").matcher(send(HttpRequest.newBuilder(service("/api/circular/milestones/" + milestone)).build()).body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long pendingEvents() throws Exception {
        Matcher m = Pattern.compile("(?m)^roadmap_outbox_pending\\S*\\s+([0-9.E]+)").matcher(
                send(HttpRequest.newBuilder(service("/actuator/prometheus")).build()).body());
        assertThat(m.find()).as("the outbox metric").isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    private String scorecard() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(settings.serviceUrl("scorecard-service") + "/api/scorecards/circular")).build()).body();
    }

    private URI service(String path) {
        return URI.create(settings.serviceUrl("circular-service") + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new JWTClaimsSet.Builder()
                .issuer(issuer).audience("mra-api").subject("circular-lead").claim("preferred_username", "circular-lead")
                .claim("realm_access", Map.of("roles", List.of("circular-editor")))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
