package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
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
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scale-out with real processes on loopback: Kafka as a cluster of three brokers (as {@code ./platform up
 * --kafka-brokers 3} starts it), two replicas of the circular service (both relaying its outbox) and two scorecard
 * replicas in one consumer group, each with a dashboard connected. Editors write through both circular replicas, also
 * while a broker is killed with {@code kill -9} and started again: every accepted change reaches the scorecard once,
 * every dashboard is told every change once whichever scorecard replica it is connected to, and a scorecard built
 * alone from the topics equals the two replicas'. (Two gateways sharing sessions: {@link GatewaySessionsIT}.) No
 * Keycloak: the services check tokens signed by this test's own key, as in {@link EventDeliveryFaultsIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final int OFFSET = 12000;
    private static final List<String> MILESTONES = List.of("raw-materials-2017", "heat-2017", "co2-2017");
    private static final String CIRCULAR = "circular-service";
    private static final String SCORECARD = PlatformSettings.SCORECARD;
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ComponentProcess> extra = new ArrayList<>();
    private PlatformSettings settings;
    private Platform platform;
    private Path dataDir;
    private HttpServer jwks;
    private RSAKey key;
    private String issuer;
    private MongoClient mongo;
    /** The two replicas of each, by base URL: the platform's own and a second one. */
    private List<String> circulars;
    private List<String> scorecards;

    @BeforeAll
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("scale-out-test").generate();
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        int jwksPort = jwks.getAddress().getPort();
        issuer = "http://127.0.0.1:" + jwksPort + "/realms/scale-out-test";

        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        dataDir = root.resolve("deploy/target/scale-out-platform");
        SharedPlatform.deleteRecursively(dataDir);
        Map<String, String> env = new HashMap<>(Map.of("PLATFORM_DATA_DIR", dataDir.toString(), PlatformSettings.KAFKA_BROKERS, "3",
                "KEYCLOAK_ISSUER_URI", issuer, "KEYCLOAK_JWKS_URI", "http://127.0.0.1:" + jwksPort + "/certs"));
        env.put(ClassDataSharing.VARIABLE, "off"); // the shared platform tries the archives; this one runs the jars as built
        TestPorts.put(env, root, OFFSET);
        settings = PlatformSettings.fromEnvironment(root, env::get);
        platform = new Platform(settings, System.out::println);
        platform.start(List.of(PlatformSettings.KAFKA, PlatformSettings.STORE, CIRCULAR, SCORECARD));
        mongo = MongoClients.create(settings.mongoUri());

        // the second replica of each, configured as the launcher configures the first (same store, brokers, users)
        ComponentProcess secondCircular = replica(CIRCULAR, CIRCULAR + "-2", Map.of());
        ComponentProcess secondScorecard = replica(SCORECARD, SCORECARD + "-2", Map.of());
        List.of(secondCircular, secondScorecard).forEach(ExtraComponents::awaitHealthy);
        circulars = List.of(settings.serviceUrl(CIRCULAR), "http://127.0.0.1:" + secondCircular.port);
        scorecards = List.of(settings.serviceUrl(SCORECARD), "http://127.0.0.1:" + secondScorecard.port);
        await().atMost(Duration.ofSeconds(90)).until(() -> scorecard(scorecards.get(0)).contains("\"total\":5"));
        awaitScorecardHasEveryChangeOnce(); // the seed's own events, before any test counts
    }

    private ComponentProcess replica(String module, String name, Map<String, String> more) throws IOException {
        int port = ExtraComponents.freePort();
        Map<String, String> env = new HashMap<>(platform.serviceEnvironment(module));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.putAll(more);
        ComponentProcess replica = ExtraComponents.jvm(name, port, module, env, settings, dataDir);
        replica.start();
        extra.add(replica);
        return replica;
    }

    @AfterAll
    void stop() {
        extra.forEach(c -> c.stop(Duration.ofSeconds(20)));
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
    void theTopicsAreOnThreeBrokersWithTwoInSyncAndTheBrokersKeepTheirUsersAndAcls() throws Exception {
        assertThat(settings.kafkaNodes()).containsExactly("kafka", "kafka-2", "kafka-3");
        List<String> topics = new ArrayList<>();
        RoadmapTopics.ALL.forEach(t -> topics.addAll(List.of(t, t + KafkaUsers.DEAD_LETTER_SUFFIX)));
        topics.add("__consumer_offsets");
        try (Admin admin = settings.kafkaUsers().brokerAdmin(settings.kafkaBootstrap())) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(3);
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            described.forEach((topic, description) -> assertThat(description.partitions()).as(topic).allSatisfy(partition -> {
                assertThat(partition.replicas()).as(topic + " replicas").hasSize(3);
                assertThat(partition.isr()).as(topic + " in sync").hasSize(3);
            }));
            List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            configs.forEach((topic, config) -> assertThat(config.get("min.insync.replicas").value()).as(topic.name()).isEqualTo("2"));
            // every broker of the cluster has the same users and ACLs: they live in the replicated metadata log
            Collection<AclBinding> acls = admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS);
            assertThat(new HashSet<>(acls)).isEqualTo(new HashSet<>(KafkaUsers.acls(settings.registry())));
        }
        for (String node : settings.kafkaNodes()) {
            String broker = "127.0.0.1:" + settings.port(node);
            assertThatThrownBy(() -> {
                try (Admin anonymous = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                    anonymous.describeCluster().nodes().get(4, TimeUnit.SECONDS);
                }
            }).as("an anonymous client at " + node).isNotNull();
            try (Admin scorecard = Admin.create(settings.kafkaUsers().clientProperties(broker, SCORECARD))) {
                assertThat(scorecard.describeCluster().nodes().get(10, TimeUnit.SECONDS)).as("the scorecard signs in at " + node).hasSize(3);
            }
        }
    }

    @Test
    @Order(2)
    void editorsWritingThroughTwoRelayingReplicasChangeTheScorecardOnceAndEveryDashboardIsToldEveryChange() throws Exception {
        long began = System.nanoTime();
        awaitTheScorecardsShareTheMilestones();
        System.out.printf("The scorecard replicas share the milestones' partitions after %d ms%n", (System.nanoTime() - began) / 1_000_000);
        Map<String, Integer> before = scorecardEntries();
        long sharedBefore = sharedChanges();
        try (Dashboards dashboards = new Dashboards()) {
            System.out.printf("Dashboards connected after %d ms%n", (System.nanoTime() - began) / 1_000_000);
            Editors editors = new Editors();
            editors.writeUntil(() -> editors.accepted() >= 60);
            Duration inScorecard = awaitScorecardHasEveryChangeOnce();
            int changes = report("two replicas of the circular service, both relaying the outbox, with editors writing through both",
                    editors, before, inScorecard);
            dashboards.awaitEachToldExactly(changes, sharedBefore);
        }
    }

    @Test
    @Order(3)
    void aBrokerKilledWhileEditorsWriteLosesNoAcceptedChangeAndCountsNothingTwice() throws Exception {
        Map<String, Integer> before = scorecardEntries();
        long sharedBefore = sharedChanges();
        String victim = leaderOfTheMilestones();
        try (Dashboards dashboards = new Dashboards()) {
            Editors editors = new Editors();
            AtomicBoolean restarted = new AtomicBoolean();
            Thread fault = new Thread(() -> {
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> editors.accepted() >= 15);
                    platform.component(victim).kill();
                    int acceptedAtKill = editors.accepted();
                    await().atMost(Duration.ofSeconds(60)).until(() -> editors.accepted() >= acceptedAtKill + 30); // written while it is down
                    platform.restart(victim);
                    restarted.set(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            fault.start();
            Instant[] back = new Instant[1];
            editors.writeUntil(() -> {
                if (restarted.get() && back[0] == null) {
                    back[0] = Instant.now();
                }
                return back[0] != null && editors.accepted() >= 60;
            });
            fault.join();
            Duration recovery = awaitScorecardHasEveryChangeOnce();
            int changes = report("one of three Kafka brokers (" + victim + ", leading the milestones' partitions) killed (kill -9) while editors "
                    + "write through two circular replicas, then started again", editors, before, recovery);
            dashboards.awaitEachToldExactly(changes, sharedBefore);
        }
        try (Admin admin = settings.kafkaUsers().brokerAdmin(settings.kafkaBootstrap())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(admin.describeTopics(RoadmapTopics.ALL).allTopicNames()
                    .get(10, TimeUnit.SECONDS).values()).as("the restarted broker caught up").allSatisfy(topic ->
                    assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.isr()).hasSize(3))));
        }
    }

    @Test
    @Order(4)
    void twoScorecardReplicasInOneGroupGiveTheSameScorecardAsOneAlone() throws Exception {
        List<String> cards = List.of("/api/scorecards", "/api/scorecards/circular", "/api/scorecards/circular/series?from=2016-01-01&to=2026-12-31");
        ComponentProcess alone = replica(SCORECARD, SCORECARD + "-alone", Map.of("MONGODB_DATABASE", "scorecard-alone",
                "SCORECARD_CONSUMER_GROUP", "scorecard-alone-" + System.currentTimeMillis()));
        ExtraComponents.awaitHealthy(alone);
        String aloneUrl = "http://127.0.0.1:" + alone.port;
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String card : cards) {
                String byTheReplicas = get(scorecards.get(0) + card);
                assertThat(get(scorecards.get(1) + card)).isEqualTo(byTheReplicas);
                assertThat(get(aloneUrl + card)).as(card + ", built alone from the topics").isEqualTo(byTheReplicas);
            }
            // the cards can agree while the last changes are still on their way to the one alone: the histories must too
            for (String milestone : MILESTONES) {
                assertThat(revisions("scorecard-alone", milestone)).as(milestone).isEqualTo(revisions("scorecard", milestone));
            }
        });
        alone.stop(Duration.ofSeconds(20));
    }

    /** Both scorecard replicas hold partitions of the milestones topic: the group shares the work out. */
    private void awaitTheScorecardsShareTheMilestones() throws Exception {
        try (Admin admin = settings.kafkaUsers().brokerAdmin(settings.kafkaBootstrap())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Collection<MemberDescription> members = admin.describeConsumerGroups(List.of("scorecard-service")).all()
                        .get(10, TimeUnit.SECONDS).get("scorecard-service").members();
                assertThat(members.stream().filter(m -> m.assignment().topicPartitions().stream()
                        .anyMatch(p -> p.topic().equals(RoadmapTopics.MILESTONES))).count()).isEqualTo(2);
            });
        }
    }

    /** The broker leading the partition most of the test's milestones are in, so that producers and consumers must fail over. */
    private String leaderOfTheMilestones() throws Exception {
        try (Admin admin = settings.kafkaUsers().brokerAdmin(settings.kafkaBootstrap())) {
            List<TopicPartitionInfo> partitions = admin.describeTopics(List.of(RoadmapTopics.MILESTONES)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(RoadmapTopics.MILESTONES).partitions();
            Map<Integer, Integer> milestonesLed = new HashMap<>();
            for (String milestone : MILESTONES) {
                byte[] key = ("circular/" + milestone).getBytes(StandardCharsets.UTF_8);
                Node leader = partitions.get(Utils.toPositive(Utils.murmur2(key)) % partitions.size()).leader();
                milestonesLed.merge(leader.port(), 1, Integer::sum);
            }
            int port = milestonesLed.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            return settings.kafkaNodes().stream().filter(node -> settings.port(node) == port).findFirst().orElseThrow();
        }
    }

    /** Two editors, one writing through each circular replica, on milestones they share in part. */
    private final class Editors {

        private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
        private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();

        int accepted() {
            return accepted.values().stream().mapToInt(Integer::intValue).sum();
        }

        void writeUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            for (int editor = 0; editor < 2; editor++) {
                String service = circulars.get(editor);
                List<String> theirs = editor == 0 ? MILESTONES.subList(0, 2) : MILESTONES.subList(1, 3);
                Thread writer = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String milestone = theirs.get(i % theirs.size());
                        try {
                            int status = change(service, milestone).statusCode();
                            answers.merge(status, 1, Integer::sum);
                            if (status == 200) {
                                accepted.merge(milestone, 1, Integer::sum);
                            }
                        } catch (Exception e) {
                            failures.add(e);
                            return;
                        }
                    }
                });
                writers.add(writer);
                writer.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!done.getAsBoolean() && System.nanoTime() < deadline && writers.stream().allMatch(Thread::isAlive)) {
                Thread.sleep(50);
            }
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
            System.out.printf("Editors: %d changes accepted, answers %s%n", accepted(), answers);
            assertThat(failures).as("editors' requests").isEmpty();
            assertThat(done.getAsBoolean()).as("the editors got their changes accepted in time; answers: " + answers).isTrue();
        }

        String answers() {
            return answers.toString();
        }
    }

    /** A dashboard connected to each scorecard replica, collecting the keys of the changes it is told. */
    private final class Dashboards implements AutoCloseable {

        private final List<HttpURLConnection> connections = new ArrayList<>();
        private final List<List<String>> told = new ArrayList<>();

        Dashboards() throws IOException {
            for (String scorecard : scorecards) {
                HttpURLConnection connection = (HttpURLConnection) URI.create(scorecard + "/api/scorecards/stream").toURL().openConnection();
                connection.setRequestProperty("Accept", "text/event-stream");
                connection.setConnectTimeout(5000);
                assertThat(connection.getResponseCode()).isEqualTo(200);
                List<String> keys = new CopyOnWriteArrayList<>();
                Thread reader = new Thread(() -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            Matcher key = KEY.matcher(line);
                            if (line.startsWith("data:") && key.find()) {
                                keys.add(key.group(1));
                            }
                        }
                    } catch (IOException closed) {
                        // the test closed the dashboard
                    }
                }, "dashboard-" + scorecard);
                reader.setDaemon(true);
                reader.start();
                connections.add(connection);
                told.add(keys);
            }
        }

        /** Each dashboard is told each change exactly once: as many as the scorecard took in, and as the replicas shared. */
        void awaitEachToldExactly(int changes, long sharedBefore) throws InterruptedException {
            System.out.printf("Dashboards told so far: %s of %d changes%n", told.stream().map(List::size).toList(), changes);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(sharedChanges() - sharedBefore).as("changes the scorecard replicas told").isEqualTo(changes);
                for (List<String> keys : told) {
                    assertThat(keys).hasSize(changes);
                }
            });
            Thread.sleep(1_000); // a few looks at the shared changes later
            for (int i = 0; i < told.size(); i++) {
                assertThat(told.get(i)).as("told on the dashboard at " + scorecards.get(i)).hasSize(changes)
                        .allSatisfy(key -> assertThat(MILESTONES.stream().map(m -> "circular/" + m)).contains(key));
                for (String milestone : MILESTONES) {
                    assertThat(told.get(i).stream().filter(("circular/" + milestone)::equals).count())
                            .isEqualTo(told.get(0).stream().filter(("circular/" + milestone)::equals).count());
                }
            }
        }

        @Override
        public void close() {
            connections.forEach(HttpURLConnection::disconnect);
        }
    }

    /** The number of scorecard changes of circular the replicas have told (shared through the store). */
    private long sharedChanges() {
        Document shared = mongo.getDatabase("scorecard").getCollection("scorecard_changes").find(new Document("_id", "circular")).first();
        return shared == null ? 0 : ((Number) shared.get("number")).longValue();
    }

    /** Every change of every milestone is in the scorecard's history exactly once, and the last one is current. */
    private Duration awaitScorecardHasEveryChangeOnce() {
        Instant since = Instant.now();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String milestone : MILESTONES) {
                long revision = serviceRevision(milestone);
                assertThat(revisions("scorecard", milestone)).as(milestone)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, revision).boxed().toList());
            }
        });
        return Duration.between(since, Instant.now());
    }

    /** Adds the row to the reliability report; every accepted change is in the scorecard once. Returns the changes. */
    private int report(String fault, Editors editors, Map<String, Integer> before, Duration recovery) {
        Map<String, Integer> after = scorecardEntries();
        int inScorecard = MILESTONES.stream().mapToInt(m -> after.get(m) - before.get(m)).sum();
        int duplicates = MILESTONES.stream().mapToInt(m -> {
            List<Long> revisions = revisions("scorecard", m);
            return revisions.size() - (int) revisions.stream().distinct().count();
        }).sum();
        ReliabilityReport.fault(new ReliabilityReport.Fault(fault, "answers " + editors.answers() + " (409: the other editor changed the "
                + "milestone first); dashboards on both scorecard replicas told every change once", editors.accepted(), inScorecard, duplicates, recovery));
        assertThat(duplicates).as("counted twice").isZero();
        assertThat(inScorecard).as("accepted changes in the scorecard").isEqualTo(editors.accepted());
        for (String milestone : MILESTONES) {
            assertThat(after.get(milestone) - before.get(milestone)).as(milestone).isEqualTo(editors.accepted.getOrDefault(milestone, 0));
        }
        return inScorecard;
    }

    private Map<String, Integer> scorecardEntries() {
        Map<String, Integer> entries = new HashMap<>();
        MILESTONES.forEach(m -> entries.put(m, revisions("scorecard", m).size()));
        return entries;
    }

    private List<Long> revisions(String database, String milestone) {
        // one document per change the scorecard received (milestone_changes), beside the milestone's state
        List<Long> revisions = new ArrayList<>();
        mongo.getDatabase(database).getCollection("milestone_changes").find(new Document("key", "circular/" + milestone))
                .sort(new Document("revision", 1)).forEach(change -> revisions.add(((Number) change.get("revision")).longValue()));
        return revisions;
    }

    private HttpResponse<String> change(String service, String milestone) throws Exception {
        String current = get(service + "/api/circular/milestones/" + milestone);
        String status = current.contains("\"status\":\"AT_RISK\"") ? "ON_TRACK" : "AT_RISK";
        return http.send(HttpRequest.newBuilder(URI.create(service + "/api/circular/milestones/" + milestone + "/status"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + status + "\", \"note\": \"scale-out test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long serviceRevision(String milestone) throws Exception {
        Matcher m = Pattern.compile("\"revision\":(\\d+)").matcher(get(circulars.get(0) + "/api/circular/milestones/" + milestone));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String scorecard(String base) throws Exception {
        return get(base + "/api/scorecards/circular");
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
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
