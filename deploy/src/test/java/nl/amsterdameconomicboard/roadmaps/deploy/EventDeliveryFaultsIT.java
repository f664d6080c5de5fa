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
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * Faults of the event flow with real processes: the Kafka broker stopped while editors change milestones, the
 * scorecard killed mid-stream, a poison record among the events, the scorecard rebuilt from an empty database by replay. No Keycloak here: the
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
    private RSAKey key;
    private String issuer;
    private MongoClient mongo;

    @BeforeAll
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("fault-test").generate();
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/realms/fault-test";

        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path dataDir = root.resolve("deploy/target/fault-platform");
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Map<String, String> env = new HashMap<>(Map.of("PLATFORM_DATA_DIR", dataDir.toString(),
                "KEYCLOAK_ISSUER_URI", issuer, "KEYCLOAK_JWKS_URI", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs"));
        PlatformSettings.fromEnvironment(root, name -> null).ports()
                .forEach((component, port) -> env.put(PlatformSettings.portVariable(component), Integer.toString(port + OFFSET)));
        settings = PlatformSettings.fromEnvironment(root, env::get);
        platform = new Platform(settings, System.out::println);
        platform.start(List.of(PlatformSettings.KAFKA, PlatformSettings.STORE, "circular-service", "scorecard-service"));
        mongo = MongoClients.create(settings.mongoUri());
        await().atMost(Duration.ofSeconds(60)).until(() -> scorecard().contains("\"total\":5"));
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
        platform.component(PlatformSettings.KAFKA).stop(Duration.ofSeconds(20));
        for (int round = 0; round < 4; round++) {
            for (String milestone : MILESTONES) {
                assertThat(change(milestone, round % 2 == 0 ? "ON_TRACK" : "AT_RISK").statusCode()).isEqualTo(200);
            }
        }
        assertThat(pendingEvents()).as("events stored with their changes, waiting for Kafka").isGreaterThanOrEqualTo(12);

        platform.restart(PlatformSettings.KAFKA);
        awaitScorecardHasEveryChangeOnce();
        assertThat(pendingEvents()).isZero();
    }

    @Test
    @Order(2)
    void aScorecardKilledMidStreamCountsNothingTwice() throws Exception {
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                platform.component("scorecard-service").kill();
            }
            change(MILESTONES.get(i % 3), (i / 3) % 2 == 0 ? "AT_RISK" : "ON_TRACK");
        }
        platform.restart("scorecard-service");
        awaitScorecardHasEveryChangeOnce();
    }

    /**
     * A milestone event without its status (and with a revision far ahead, which the revision guard would keep if it
     * were applied) in front of real changes of the same milestone: dead-lettered, and the real changes still count.
     */
    @Test
    @Order(3)
    void aRecordTheScorecardCannotApplyIsDeadLetteredAndTheChangesAfterItStillCount() throws Exception {
        String milestone = MILESTONES.get(0);
        String withoutStatus = "{\"challenge\": \"circular\", \"spearhead\": \"raw-materials\", \"milestone\": \"" + milestone
                + "\", \"title\": {\"nl\": \"x\"}, \"deadline\": \"2017-12-31\", \"changedBy\": \"forger\", "
                + "\"changedAt\": \"2026-11-29T00:00:00Z\", \"revision\": 999999}";
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>("roadmap.milestones", "circular/" + milestone,
                withoutStatus.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", java.util.UUID.randomUUID().toString(), "ce_source", "/services/circular-service",
                        "ce_type", "nl.amsterdameconomicboard.roadmap.milestone.status-changed.v1", "content-type", "application/json")
                .forEach((name, value) -> poison.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(poison).get(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(change(milestone, i % 2 == 0 ? "ON_TRACK" : "AT_RISK").statusCode()).isEqualTo(200);
        }
        awaitScorecardHasEveryChangeOnce();

        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "fault-test-dlt", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of("roadmap.milestones-dlt"));
            List<String> reasons = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                deadLetters.poll(Duration.ofMillis(500)).forEach(r -> reasons.add(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(),
                        StandardCharsets.UTF_8)));
                return !reasons.isEmpty();
            });
            assertThat(reasons).singleElement().satisfies(r -> assertThat(r).contains("'status'"));
        }
        Matcher counted = Pattern.compile("(?m)^scorecard_events_dead_lettered_total\\{[^}]*topic=\"roadmap.milestones\"[^}]*}\\s+([0-9.E]+)")
                .matcher(send(HttpRequest.newBuilder(URI.create(settings.serviceUrl("scorecard-service") + "/actuator/prometheus")).build()).body());
        assertThat(counted.find()).as("the dead-letter metric").isTrue();
        assertThat(Double.parseDouble(counted.group(1))).isEqualTo(1.0);
    }

    @Test
    @Order(4)
    void aScorecardRebuiltByReplayingTheTopicsEqualsTheLiveOne() throws Exception {
        String live = scorecard();
        platform.component("scorecard-service").stop(Duration.ofSeconds(20));
        mongo.getDatabase("scorecard").drop();
        platform.component("scorecard-service").environment("SCORECARD_CONSUMER_GROUP", "replay-" + System.currentTimeMillis());
        platform.restart("scorecard-service");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scorecard()).isEqualTo(live));
    }

    /** Every change of every milestone is in the scorecard's history exactly once, and the last one is current. */
    private void awaitScorecardHasEveryChangeOnce() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String milestone : MILESTONES) {
                long revision = serviceRevision(milestone);
                Document state = mongo.getDatabase("scorecard").getCollection("milestone_states").find(new Document("_id", "circular/" + milestone)).first();
                assertThat(state).isNotNull();
                List<Long> revisions = state.getList("history", Document.class).stream().map(h -> ((Number) h.get("revision")).longValue()).toList();
                assertThat(revisions).as(milestone).containsExactlyElementsOf(LongStream.rangeClosed(1, revision).boxed().toList());
                assertThat(((Number) state.get("revision")).longValue()).isEqualTo(revision);
            }
        });
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
