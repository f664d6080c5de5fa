package nl.amsterdameconomicboard.roadmaps.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The scorecard against a real (in-process) broker and the embedded store: only events feed it. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ScorecardServiceTest {

    private static final MongoServer store = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        store.bind("127.0.0.1", 0);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + store.getLocalAddress().getPort());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/unused");
    }

    @AfterAll
    static void stopStore() {
        store.shutdownNow();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    MongoTemplate mongo;

    private KafkaProducer<String, CloudEvent> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(kafka), new StringSerializer(), new CloudEventSerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void theOverviewShowsAllFiveChallengesBeforeAnyEvent() throws Exception {
        mvc.perform(get("/api/scorecards"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.challenges[*].challenge").value(org.hamcrest.Matchers.contains("circular", "mobility", "health", "digital", "talent")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/api/scorecards/unknown"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aStatusChangeShowsOnceEvenWhenDeliveredTwiceOrOvertakenByAnOlderEvent() throws Exception {
        send(change("health", "infrastructure-2017", null, "PLANNED", 1));
        send(change("health", "ecosystem-2017", null, "PLANNED", 1));
        MilestoneStatusChanged atRisk = change("health", "infrastructure-2017", "PLANNED", "AT_RISK", 2);
        UUID id = UUID.randomUUID();
        send(id, atRisk);
        send(id, atRisk);                                                       // redelivered
        send(change("health", "infrastructure-2017", null, "PLANNED", 1));     // overtaken
        send(change("health", "creativity-innovation-2017", null, "PLANNED", 1)); // one partition: seen last

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById("health/creativity-innovation-2017", MilestoneState.class) != null);
        MilestoneState state = mongo.findById("health/infrastructure-2017", MilestoneState.class);
        assertThat(state.revision()).isEqualTo(2);
        assertThat(state.status()).isEqualTo("AT_RISK");
        assertThat(state.lastEventId()).isEqualTo(id.toString());
        mvc.perform(get("/api/scorecards/health"))
                .andExpect(jsonPath("$.milestones.total").value(3))
                .andExpect(jsonPath("$.milestones.atRisk").value(1))
                .andExpect(jsonPath("$.milestones.planned").value(2))
                .andExpect(jsonPath("$.spearheads[?(@.spearhead == 'infrastructure')].milestones.atRisk").value(1));
    }

    @Test
    void theTopicsAreDeclaredToKeepTheirEventsForever() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            for (String topic : RoadmapTopics.ALL) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.describeConfigs(List.of(resource)).all()
                        .get().get(resource).get("retention.ms").value()).isEqualTo("-1"));
            }
        }
    }

    @Test
    void aRecordThatIsNoEventDoesNotStopTheScorecard() throws Exception {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(KafkaTestUtils.producerProps(kafka), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, "talent/x", "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }
        send(change("talent", "talent-to-work-2017", null, "PLANNED", 1));
        send(change("talent", "talent-to-work-2017", "PLANNED", "ON_TRACK", 2));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/scorecards"))
                .andExpect(jsonPath("$.challenges[?(@.challenge == 'talent')].milestones.onTrack").value(1)));
    }

    private static MilestoneStatusChanged change(String challenge, String milestone, String from, String to, long revision) {
        return new MilestoneStatusChanged(challenge, milestone.replace("-2017", ""), milestone,
                new LocalizedText("nl", "en"), LocalDate.of(2030, 12, 31), from, to, "note", "lead", Instant.now(), revision);
    }

    private void send(MilestoneStatusChanged change) throws Exception {
        send(UUID.randomUUID(), change);
    }

    private void send(UUID id, MilestoneStatusChanged change) throws Exception {
        producer.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, change.key(), RoadmapEvents.milestoneStatusChanged(id, change))).get();
    }

}
