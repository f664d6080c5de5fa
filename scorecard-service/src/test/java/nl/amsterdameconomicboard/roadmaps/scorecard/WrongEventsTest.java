package nl.amsterdameconomicboard.roadmaps.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneChange;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Events the scorecard must not believe, and the repair of one it believed: an event whose challenge is not its
 * source's is refused; a mistaken revision 999999 from the right source is kept by the revision guard until an admin
 * rebuilds the challenge's projections from its service (here a stand-in answering as a challenge service does).
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class WrongEventsTest {

    private static final MongoServer store = new MongoServer(new MemoryBackend());
    private static final StandInService mobility = new StandInService();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        store.bind("127.0.0.1", 0);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + store.getLocalAddress().getPort());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/unused");
        registry.add("MOBILITY_SERVICE_URL", mobility::url);
        registry.add("HEALTH_SERVICE_URL", () -> "http://127.0.0.1:9"); // nothing listens there
    }

    @AfterAll
    static void stop() {
        store.shutdownNow();
        mobility.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

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
    void anEventWhoseChallengeIsNotItsSourcesIsRefusedCountedAndDeadLettered() throws Exception {
        send("talent", change("talent", "talent-to-work-2017", "PLANNED", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> state("talent/talent-to-work-2017") != null);
        double before = forged();

        // the health service's credentials, talent's milestone
        send("health", change("talent", "talent-to-work-2017", "MISSED", 999999));
        send("talent", change("talent", "talent-to-work-2017", "ON_TRACK", 2)); // after it on the one partition

        await().atMost(Duration.ofSeconds(20)).until(() -> state("talent/talent-to-work-2017").revision() == 2);
        assertThat(history("talent/talent-to-work-2017")).extracting(MilestoneChange::status).containsExactly("PLANNED", "ON_TRACK");
        assertThat(forged()).isEqualTo(before + 1);
        assertThat(deadLetterReasons()).anySatisfy(reason -> assertThat(reason)
                .contains("claims challenge 'talent'", "/services/health-service"));
    }

    @Test
    void aMistakenHighRevisionStaysUntilAnAdminRebuildsTheChallengeThenLaterChangesApplyAgain() throws Exception {
        send("mobility", change("mobility", "maas-2017", "PLANNED", 1));
        send("mobility", change("mobility", "maas-2017", "ON_TRACK", 2));
        // a wrong event from mobility's own source: a revision far ahead, and a milestone the service does not have
        send("mobility", change("mobility", "maas-2017", "MISSED", 999999));
        send("mobility", change("mobility", "ghost-2030", "PLANNED", 7));
        // the real next change: the revision guard takes it for an old one
        send("mobility", change("mobility", "maas-2017", "AT_RISK", 3));
        send("mobility", change("mobility", "cycling-next-level-2017", "PLANNED", 1)); // seen last
        await().atMost(Duration.ofSeconds(20)).until(() -> state("mobility/cycling-next-level-2017") != null);
        assertThat(state("mobility/maas-2017").status()).isEqualTo("MISSED");
        mvc.perform(get("/api/scorecards/mobility")).andExpect(jsonPath("$.milestones.missed").value(1));

        // refused: no token, not an admin, no such challenge, a service that does not answer
        mvc.perform(post("/api/scorecards/mobility/rebuild")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/scorecards/mobility/rebuild").with(user("board", "board"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/scorecards/atlantis/rebuild").with(user("admin", "admin"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/scorecards/health/rebuild").with(user("admin", "admin")))
                .andExpect(status().isBadGateway())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/challenge-service-unavailable"));
        assertThat(state("mobility/maas-2017").status()).isEqualTo("MISSED");

        MvcResult stream = mvc.perform(get("/api/scorecards/stream")).andExpect(request().asyncStarted()).andReturn();
        mvc.perform(post("/api/scorecards/mobility/rebuild").with(user("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.milestones").value(2))
                .andExpect(jsonPath("$.indicators").value(1))
                .andExpect(jsonPath("$.spearheads").value(2))
                .andExpect(jsonPath("$.initiatives").value(1))
                .andExpect(jsonPath("$.removed").value(1))
                .andExpect(jsonPath("$.rebuiltBy").value("admin"));
        assertThat(mobility.authorizations).as("histories read with the admin's token").contains("Bearer token").doesNotContainNull();

        MilestoneState maas = state("mobility/maas-2017");
        assertThat(maas.revision()).isEqualTo(3);
        assertThat(maas.status()).isEqualTo("AT_RISK");
        assertThat(history("mobility/maas-2017")).extracting(MilestoneChange::revision).containsExactly(1L, 2L, 3L);
        assertThat(maas.history()).extracting(MilestoneState.StatusAt::revision).as("one a day: the changes were on three days").containsExactly(1L, 2L, 3L);
        assertThat(state("mobility/ghost-2030")).isNull();
        IndicatorState shared = mongo.findById("mobility/shared-mobility-users", IndicatorState.class);
        assertThat(shared.revision()).isEqualTo(3);
        assertThat(shared.announcedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(shared.measurements()).extracting(IndicatorState.Point::value).containsExactly(12000.0, 18000.0);
        mvc.perform(get("/api/scorecards/mobility"))
                .andExpect(jsonPath("$.milestones.missed").value(0))
                .andExpect(jsonPath("$.milestones.atRisk").value(1))
                .andExpect(jsonPath("$.spearheads[0].spearhead").value("maas"));
        assertThat(stream.getResponse().getContentAsString()).contains("event:scorecard-changed", "scorecard.rebuilt");

        send("mobility", change("mobility", "maas-2017", "ON_TRACK", 4));
        await().atMost(Duration.ofSeconds(20)).until(() -> state("mobility/maas-2017").revision() == 4);
        assertThat(state("mobility/maas-2017").status()).isEqualTo("ON_TRACK");
    }

    private MilestoneState state(String key) {
        return mongo.findById(key, MilestoneState.class);
    }

    /** Every change of the milestone the scorecard keeps, oldest first. */
    private List<MilestoneChange> history(String key) {
        return mongo.find(Query.query(Criteria.where("key").is(key)).with(Sort.by("revision")), MilestoneChange.class);
    }

    private double forged() {
        return meters.get("scorecard.events.forged").counter().count();
    }

    private List<String> deadLetterReasons() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(kafka, "dlt-reader-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(RoadmapTopics.MILESTONES + "-dlt"));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                dlt.poll(Duration.ofMillis(300)).forEach(r -> reasons.add(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(),
                        StandardCharsets.UTF_8)));
                return !reasons.isEmpty();
            });
        }
        return reasons;
    }

    /** An event as {@code sourceChallenge}'s outbox relay would publish it. */
    private void send(String sourceChallenge, MilestoneStatusChanged change) throws Exception {
        CloudEvent event = RoadmapEvents.event(UUID.randomUUID(), RoadmapEvents.source(sourceChallenge), MilestoneStatusChanged.TYPE,
                change.key(), change.changedAt(), RoadmapEvents.toJson(change));
        producer.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, change.key(), event)).get();
    }

    private static MilestoneStatusChanged change(String challenge, String milestone, String status, long revision) {
        return new MilestoneStatusChanged(challenge, milestone.replaceAll("-\\d+$", ""), milestone, new LocalizedText("nl", "en"),
                LocalDate.of(2030, 12, 31), null, status, "note", "lead", Instant.now(), revision);
    }

    private static RequestPostProcessor user(String name, String role) {
        return jwt().jwt(j -> j.claim("preferred_username", name)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /**
     * The mobility service's API as the scorecard reads it (the shapes of roadmap-core's views; the deploy tests
     * rebuild from the real services): two milestones, one indicator with its series, two spearheads, one initiative.
     * Histories answer only with a token, as the real ones do.
     */
    static final class StandInService {

        final List<String> authorizations = new ArrayList<>();
        private final HttpServer server;
        private final Map<String, String> answers = new ConcurrentHashMap<>();

        StandInService() {
            answers.put("/api/mobility/milestones", page("""
                    {"id": "maas-2017", "spearhead": "maas", "title": {"nl": "MaaS", "en": "MaaS"}, "deadline": "2030-12-31",
                     "status": "AT_RISK", "overdue": false, "revision": 3, "lastChangedAt": "2026-03-01T10:00:00Z"},
                    {"id": "cycling-next-level-2017", "spearhead": "cycling-next-level", "title": {"nl": "Fiets", "en": "Cycling"},
                     "deadline": "2030-12-31", "status": "PLANNED", "overdue": false, "revision": 1, "lastChangedAt": "2026-01-01T10:00:00Z"}"""));
            answers.put("/api/mobility/milestones/maas-2017/history", page("""
                    {"from": "ON_TRACK", "to": "AT_RISK", "note": "n", "by": "mobility-lead", "at": "2026-03-01T10:00:00Z", "revision": 3},
                    {"from": "PLANNED", "to": "ON_TRACK", "note": "n", "by": "mobility-lead", "at": "2026-02-01T10:00:00Z", "revision": 2},
                    {"from": null, "to": "PLANNED", "note": "seed", "by": "roadmap-seed", "at": "2026-01-01T10:00:00Z", "revision": 1}"""));
            answers.put("/api/mobility/milestones/cycling-next-level-2017/history", page("""
                    {"from": null, "to": "PLANNED", "note": "seed", "by": "roadmap-seed", "at": "2026-01-01T10:00:00Z", "revision": 1}"""));
            answers.put("/api/mobility/indicators", page("""
                    {"id": "shared-mobility-users", "spearhead": "maas", "name": {"nl": "Deelmobiliteit", "en": "Shared mobility"},
                     "unit": "users", "baseline": {"value": 10000, "date": "2019-01-01", "note": null}, "target": 50000,
                     "deadline": "2030-12-31", "direction": "UP", "computed": false, "measurementCount": 3, "revision": 3}"""));
            answers.put("/api/mobility/indicators/shared-mobility-users/measurements", page("""
                    {"id": "m3", "date": "2024-01-01", "value": 18000, "recordedAt": "2024-01-05T00:00:00Z"},
                    {"id": "m2", "date": "2023-01-01", "value": 12000, "recordedAt": "2023-01-06T00:00:00Z"},
                    {"id": "m1", "date": "2023-01-01", "value": 11000, "recordedAt": "2023-01-02T00:00:00Z"}"""));
            answers.put("/api/mobility/indicators/shared-mobility-users/history?page=0", page("""
                    {"at": "2024-01-05T00:00:00Z", "by": "mobility-lead", "action": "measured", "detail": "", "revision": 3}""", 3));
            answers.put("/api/mobility/indicators/shared-mobility-users/history?page=2", page("""
                    {"at": "2020-01-01T00:00:00Z", "by": "roadmap-seed", "action": "announced", "detail": "", "revision": 1}""", 3));
            answers.put("/api/mobility/spearheads", """
                    [{"code": "maas", "position": 1, "title": {"nl": "MaaS", "en": "MaaS"}, "revision": 1},
                     {"code": "cycling-next-level", "position": 2, "title": {"nl": "Fiets", "en": "Cycling"}, "revision": 1}]""");
            answers.put("/api/mobility/initiatives", page("""
                    {"id": "maas-pilot", "spearhead": "maas", "title": {"nl": "MaaS-pilot", "en": "MaaS pilot"}, "status": "RUNNING",
                     "partners": [{"name": "Gemeente Amsterdam", "type": "GOVERNMENT"}], "revision": 2}"""));
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                URI uri = exchange.getRequestURI();
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String answer = answers.get(uri.getPath());
                if (uri.getPath().endsWith("/history")) {
                    synchronized (authorizations) {
                        authorizations.add(authorization);
                    }
                    answer = answers.getOrDefault(uri.getPath() + "?" + uri.getQuery().split("&")[0], answer);
                }
                int status = answer == null ? 404 : uri.getPath().endsWith("/history") && authorization == null ? 401 : 200;
                byte[] body = (status == 200 ? answer : "{\"status\": " + status + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private static String page(String items) {
            return "{\"items\": [" + items + "], \"page\": 0, \"size\": 200, \"totalItems\": " + (items.split("\"revision\"").length - 1)
                    + ", \"totalPages\": 1}";
        }

        private static String page(String items, long totalItems) {
            return "{\"items\": [" + items + "], \"page\": 0, \"size\": 1, \"totalItems\": " + totalItems + ", \"totalPages\": " + totalItems + "}";
        }
    }
}
