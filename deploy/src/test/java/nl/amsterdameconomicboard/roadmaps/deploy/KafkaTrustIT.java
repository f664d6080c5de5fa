package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trust on the wire, on the platform as ./platform up starts it: the broker lets nobody in anonymously and each service
 * only do what its role needs; the scorecard refuses an event whose challenge is not its source's; an event from the
 * right source with a mistaken revision is repaired by an admin's rebuild, after which real changes count again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTrustIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MILESTONE = "ecosystem-2017";

    private PlatformSettings settings;
    private KafkaUsers users;
    private GatewayClient gateway;

    @BeforeAll
    void platform() throws Exception {
        settings = SharedPlatform.get();
        users = settings.kafkaUsers();
        gateway = new GatewayClient(settings);
    }

    @Test
    void nobodyGetsInAnonymouslyOrWithAWrongPassword() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()));
        assertThatThrownBy(() -> send(anonymous, RoadmapTopics.MILESTONES)).as("no SASL: not even the topic's metadata")
                .hasCauseInstanceOf(TimeoutException.class);

        Map<String, Object> guessing = users.clientProperties(settings.kafkaBootstrap(), "circular-service");
        guessing.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaUsers.scramLogin("circular-service", "guessed"));
        assertThatThrownBy(() -> send(guessing, RoadmapTopics.MILESTONES)).hasCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> plainAsAService = users.clientProperties(settings.kafkaBootstrap(), "circular-service");
        plainAsAService.put(SaslConfigs.SASL_MECHANISM, "PLAIN"); // PLAIN knows only the broker's own principal
        plainAsAService.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaUsers.plainLogin("circular-service", users.password("circular-service")));
        assertThatThrownBy(() -> send(plainAsAService, RoadmapTopics.MILESTONES)).hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void eachServiceMayDoOnlyWhatItsRoleNeeds() throws Exception {
        // a challenge service writes the roadmap topics, and nothing else
        assertThatThrownBy(() -> send(as("mobility-service"), RoadmapTopics.MILESTONES + "-dlt"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(as("mobility-service"), null)).isInstanceOf(TopicAuthorizationException.class);

        // the scorecard reads them (in its own consumer groups) and writes only its dead letters
        assertThatThrownBy(() -> send(as("scorecard-service"), RoadmapTopics.MILESTONES)).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(as("scorecard-service"), "not-the-scorecards")).isInstanceOf(GroupAuthorizationException.class);
        assertThat(read(as("scorecard-service"), "scorecard-trust-test")).as("the roadmap's events, read as the scorecard").isPositive();
    }

    @Test
    void anEventForAnotherChallengeIsRefusedAndAMistakenRevisionIsRepairedByAnAdmin() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> ecosystem().path("total").asInt() == 1);
        JsonNode before = ecosystem();
        double forgedBefore = scorecardMetric("scorecard_events_forged_total");

        // mobility's credentials may write the shared topic, but the scorecard sees whose event it is
        send(as("mobility-service"), "mobility", change("MISSED", 999_999));
        await().atMost(Duration.ofSeconds(30)).until(() -> scorecardMetric("scorecard_events_forged_total") > forgedBefore);
        assertThat(ecosystem()).as("the forged event changed nothing").isEqualTo(before);

        // health's own source, a mistaken revision: believed, and the revision guard keeps it
        send(as("health-service"), "health", change("MISSED", 999_999));
        await().atMost(Duration.ofSeconds(30)).until(() -> ecosystem().path("missed").asInt() == 1);
        // health-lead is locked by PlatformEndToEndIT's password guessing: an admin changes health's milestone here
        String healthLead = "Bearer " + gateway.token("admin");
        double projected = scorecardMetric("scorecard_event_age_seconds_count");
        assertThat(changeStatus(healthLead, "AT_RISK").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> scorecardMetric("scorecard_event_age_seconds_count") > projected);
        assertThat(ecosystem().path("missed").asInt()).as("the real change is taken for an old one").isEqualTo(1);

        HttpResponse<String> refused = rebuild("Bearer " + gateway.token("circular-lead"));
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> rebuilt = rebuild("Bearer " + gateway.token("admin"));
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(JSON.readTree(rebuilt.body()).path("milestones").asInt()).isEqualTo(3);
        JsonNode repaired = ecosystem();
        assertThat(repaired.path("missed").asInt()).isZero();
        assertThat(repaired.path("atRisk").asInt()).isEqualTo(1);

        assertThat(changeStatus(healthLead, "ON_TRACK").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> ecosystem().path("onTrack").asInt() == 1);
    }

    private Map<String, Object> as(String user) {
        return users.clientProperties(settings.kafkaBootstrap(), user);
    }

    /** An event as the outbox relay of {@code sourceChallenge}'s service would publish it. */
    private static void send(Map<String, Object> client, String sourceChallenge, MilestoneStatusChanged change) throws Exception {
        CloudEvent event = RoadmapEvents.event(UUID.randomUUID(), RoadmapEvents.source(sourceChallenge), MilestoneStatusChanged.TYPE,
                change.key(), change.changedAt(), RoadmapEvents.toJson(change));
        try (KafkaProducer<String, CloudEvent> producer = producer(client, new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, change.key(), event)).get();
        }
    }

    /** A status change of health's ecosystem milestone, written by hand. */
    private static MilestoneStatusChanged change(String status, long revision) {
        return new MilestoneStatusChanged("health", "ecosystem", MILESTONE, new LocalizedText("Ecosysteem", "Ecosystem"),
                LocalDate.of(2017, 12, 31), null, status, "written by hand", "nobody", Instant.now(), revision);
    }

    /** A plain record to a topic; fails with the broker's refusal as its cause. */
    private static void send(Map<String, Object> client, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = producer(client, new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "health/test", "{}")).get();
        }
    }

    private static <V> KafkaProducer<String, V> producer(Map<String, Object> client, org.apache.kafka.common.serialization.Serializer<V> values) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 4000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaProducer<>(properties, new StringSerializer(), values);
    }

    /** How many records of the milestones topic a consumer gets, in a group or (null) by assigning the partitions. */
    private static int read(Map<String, Object> client, String group) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        if (group != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            if (group == null) {
                consumer.assign(List.of(new TopicPartition(RoadmapTopics.MILESTONES, 0)));
            } else {
                consumer.subscribe(List.of(RoadmapTopics.MILESTONES));
            }
            int records = 0;
            for (int poll = 0; poll < 10 && records == 0; poll++) {
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
            return records;
        }
    }

    /** The milestone counts of health's ecosystem spearhead on the scorecard, through the gateway. */
    private JsonNode ecosystem() throws Exception {
        for (JsonNode spearhead : JSON.readTree(gateway.get("/api/scorecards/health").body()).path("spearheads")) {
            if (spearhead.path("spearhead").asString().equals("ecosystem")) {
                return spearhead.path("milestones");
            }
        }
        return JSON.missingNode();
    }

    private HttpResponse<String> changeStatus(String authorization, String status) throws Exception {
        return gateway.send(HttpRequest.newBuilder(gateway.gateway("/api/health/milestones/" + MILESTONE + "/status"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + status + "\", \"note\": \"trust test\"}")));
    }

    private HttpResponse<String> rebuild(String authorization) throws Exception {
        return gateway.send(HttpRequest.newBuilder(gateway.gateway("/api/scorecards/health/rebuild")).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A counter or count of the scorecard's Prometheus endpoint (on its own port), 0 before its first sample. */
    private double scorecardMetric(String name) throws Exception {
        String metrics = gateway.send(HttpRequest.newBuilder(URI.create(settings.serviceUrl(PlatformSettings.SCORECARD) + "/actuator/prometheus")))
                .body();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})?\\s+([0-9.E+-]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
