package nl.amsterdameconomicboard.roadmaps.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.amsterdameconomicboard.roadmaps.deploy.KafkaUsers;
import nl.amsterdameconomicboard.roadmaps.deploy.PlatformSettings;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** The platform {@code ./platform up} runs on this machine, found through the same settings (ports, data dir, Kafka users). */
final class LocalPlatformUnderTest implements PlatformUnderTest {

    /** The synthetic challenge of the generated events: not in the registry, so no card, route or service knows it. */
    static final String BENCH_CHALLENGE = "bench";
    private static final int BENCH_MILESTONES = 1000;
    private static final String REPLAY = "bench-replay";

    private final PlatformSettings settings;
    private final Http http;
    private Admin admin;

    LocalPlatformUnderTest(PlatformSettings settings, Http http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public URI gateway() {
        return URI.create(settings.gatewayUrl());
    }

    @Override
    public URI direct(String service) {
        if (service.equals("scorecard")) {
            return URI.create(settings.serviceUrl(PlatformSettings.SCORECARD));
        }
        Challenge challenge = settings.registry().challenges().stream().filter(c -> c.code().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No challenge " + service + " in the registry"));
        return URI.create(settings.serviceUrl(challenge.service()));
    }

    @Override
    public List<String> challenges() {
        return settings.registry().codes();
    }

    @Override
    public String token(String user) throws Exception {
        String form = "client_id=mra-cli&grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IOException("No token for " + user + " from " + settings.issuer() + ": " + response.statusCode() + " " + response.body());
        }
        return Http.JSON.readTree(response.body()).get("access_token").asString();
    }

    /** An admin client as the scorecard's own Kafka user: it may describe the roadmap topics and its consumer groups. */
    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> properties = new HashMap<>(settings.kafkaUsers().clientProperties(settings.kafkaBootstrap(), KafkaUsers.SCORECARD));
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
            admin = Admin.create(properties);
        }
        return admin;
    }

    private List<TopicPartition> partitions() throws Exception {
        return admin().describeTopics(RoadmapTopics.ALL).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition()))).toList();
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions().stream().collect(Collectors.toMap(p -> p, p -> spec));
        return admin().listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private long committed(String group) throws Exception {
        Set<String> topics = Set.copyOf(RoadmapTopics.ALL);
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        return committed.entrySet().stream().filter(e -> topics.contains(e.getKey().topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    @Override
    public long scorecardLag() throws Exception {
        return publishedEvents() - committed(KafkaUsers.SCORECARD);
    }

    @Override
    public long publishedEvents() throws Exception {
        return offsets(OffsetSpec.latest()).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public long eventsInTopics() throws Exception {
        return publishedEvents() - offsets(OffsetSpec.earliest()).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Milestone events of the synthetic challenge {@value #BENCH_CHALLENGE}, {@value #BENCH_MILESTONES} milestones in turn,
     * each event a status change with a higher revision than any before it (revisions start at the current time in
     * microseconds, so a later run continues above an earlier one). Published as the first challenge service's Kafka
     * user, idempotent with acks=all, as the outbox relay does.
     */
    @Override
    public void generateEvents(long count) throws Exception {
        String user = settings.registry().challenges().get(0).service();
        Map<String, Object> properties = new HashMap<>(settings.kafkaUsers().clientProperties(settings.kafkaBootstrap(), user));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long base = System.currentTimeMillis() * 1000;
        LocalDate deadline = LocalDate.now().plusYears(1);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(properties)) {
            String[] statuses = {"ON_TRACK", "AT_RISK"};
            for (long i = 0; i < count; i++) {
                int milestone = (int) (i % BENCH_MILESTONES);
                long round = i / BENCH_MILESTONES;
                String id = String.format("bench-milestone-%04d", milestone);
                MilestoneStatusChanged change = new MilestoneStatusChanged(BENCH_CHALLENGE, "bench-spearhead", id,
                        new LocalizedText("Benchmarkmijlpaal " + milestone, "Benchmark milestone " + milestone), deadline,
                        statuses[(int) ((round + 1) % 2)], statuses[(int) (round % 2)], "generated by ./platform bench",
                        "bench-generator", Instant.now(), base + round);
                CloudEvent event = RoadmapEvents.milestoneStatusChanged(UUID.randomUUID(), change);
                producer.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, change.key(), event));
            }
            producer.flush();
        }
    }

    @Override
    public Replay startReplay() throws Exception {
        String stamp = Long.toString(System.currentTimeMillis());
        String group = "scorecard-bench-replay-" + stamp;
        String database = "scorecard-bench-replay-" + stamp;
        Path jar = settings.root().resolve("scorecard-service/target/scorecard-service.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(settings.javaOptions().strip().split("\\s+")));
        command.addAll(settings.processMarkers(REPLAY));
        command.add("-Dscorecard.consumer-group=" + group);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = settings.dataDir().resolve("logs").resolve(REPLAY + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MONGODB_URI", settings.mongoUri());
        env.put("MONGODB_DATABASE", database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("KEYCLOAK_ISSUER_URI", settings.issuer());
        env.put("KEYCLOAK_JWKS_URI", settings.jwksUri());
        env.putAll(settings.kafkaUsers().serviceEnvironment(KafkaUsers.SCORECARD));
        if (settings.registryFile() != null) {
            env.put("CHALLENGE_REGISTRY", settings.registryFile());
        }
        Process process = builder.start();
        // Ctrl-C during the replay stops it too (and ./platform down finds it by its markers)
        Thread stopOnExit = new Thread(process::destroy, "stop-replay");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        System.out.println("  [rebuild] replaying scorecard started (pid " + process.pid() + ", group " + group + ", database " + database
                + ", log " + settings.root().relativize(log) + ")");
        return new Replay() {
            @Override
            public long committed() throws Exception {
                return LocalPlatformUnderTest.this.committed(group);
            }

            @Override
            public boolean alive() {
                return process.isAlive();
            }

            @Override
            public void close() throws Exception {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                try (MongoClient mongo = MongoClients.create(settings.mongoUri())) {
                    mongo.getDatabase(database).drop(); // its copy of the scorecard was only for the measurement
                }
                try {
                    admin().deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the scorecard's user may not delete groups; an idle group costs the broker nothing
                }
            }
        };
    }

    @Override
    public Map<String, Double> startupSeconds() {
        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(settings.startupFile())) {
            recorded.load(in);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        Stream.concat(settings.ports().keySet().stream(), Stream.of(PlatformSettings.STARTUP_TOTAL))
                .filter(recorded::containsKey).forEach(c -> seconds.put(c, Double.parseDouble(recorded.getProperty(c))));
        return seconds;
    }

    @Override
    public Map<String, Long> residentKib() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String component : settings.ports().keySet()) {
            pid(component).ifPresent(process -> rss.put(component, rssKib(process)));
        }
        return rss;
    }

    private Optional<ProcessHandle> pid(String component) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(settings.pidFile(component)).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static long rssKib(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(p -> {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
