package nl.amsterdameconomicboard.roadmaps.challenge.parked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.OutboxRelay;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvent;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.events.SpearheadChanged;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An event larger than the producer may send ({@code max.request.size}, lowered here to 6,000 bytes so that a
 * spearhead's vision exceeds it) against the real broker: it is parked, counted and listed for admins, while the other
 * entities' events and the later events of its own entity go out; once the limit is raised, an admin sends it again.
 */
@ChallengeServiceTest
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "spring.kafka.producer.properties.max.request.size=6000"})
class ParkedEventsTest {

    private static final TestTokens tokens = TestTokens.get();
    private static final String ADMIN = tokens.bearer("admin", "admin");
    private static final String LEAD = tokens.bearer("circular-lead", "circular-editor");
    private static final String LATER_VISION = "Short again, after a parked event";

    @Autowired
    MockMvc mvc;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MeterRegistry registry;
    @Autowired
    ProducerFactory<?, ?> producers;
    /** The broker's address, whichever broker TestEngines chose. */
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void anEventKafkaRefusesIsParkedWhileEverythingElseFlowsOnAndAnAdminSendsItAgainOnceItsCauseIsFixed() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0);
        assertThat(parkedGauge()).as("the seed's events are small").isZero();

        mvc.perform(changeSpearhead("x".repeat(3_900))).andExpect(status().isOk());                 // its event: about 8 KB
        mvc.perform(json(put("/api/circular/milestones/heat-2017/status"), LEAD, "{\"status\": \"AT_RISK\", \"note\": \"sent past a parked event\"}"))
                .andExpect(status().isOk());                                                          // another entity
        long later = ((Number) JsonPath.read(mvc.perform(changeSpearhead(LATER_VISION)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.revision")).longValue();          // the same entity, later

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0 && parkedGauge() == 1);
        String parked = mvc.perform(get("/api/circular/outbox/parked").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].type").value("spearhead.changed"))
                .andExpect(jsonPath("$.items[0].entity").value("spearheads/heat"))
                .andExpect(jsonPath("$.items[0].key").value("circular/heat"))
                .andExpect(jsonPath("$.items[0].reason").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("RecordTooLargeException"), org.hamcrest.Matchers.containsString("max.request.size"))))
                .andExpect(jsonPath("$.items[0].payloadBytes").value(org.hamcrest.Matchers.greaterThan(6_000)))
                .andReturn().getResponse().getContentAsString();
        String eventId = JsonPath.read(parked, "$.items[0].eventId");
        assertThat((String) JsonPath.read(parked, "$.items[0].retry")).isEqualTo("/api/circular/outbox/parked/" + eventId + "/retry");

        Map<String, RoadmapEvent> published = publishedUntil(events -> events.values().stream().anyMatch(e -> e instanceof SpearheadChanged s
                && s.spearhead().equals("heat") && s.revision() == later && LATER_VISION.equals(s.vision().nl())));
        assertThat(published.values()).as("the other entity's event went out")
                .anyMatch(e -> e instanceof MilestoneStatusChanged m && "sent past a parked event".equals(m.note()));
        assertThat(published).doesNotContainKey(eventId);

        mvc.perform(post("/api/circular/outbox/parked/{id}/retry", eventId).header("Authorization", LEAD)).andExpect(status().isForbidden());
        mvc.perform(post("/api/circular/outbox/parked/{id}/retry", "no-such-event").header("Authorization", ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        producers.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576)); // what an operator does, with a restart
        producers.reset();
        mvc.perform(post("/api/circular/outbox/parked/{id}/retry", eventId).header("Authorization", ADMIN))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("pending"));

        Map<String, RoadmapEvent> afterRetry = publishedUntil(events -> events.containsKey(eventId));
        assertThat(((SpearheadChanged) afterRetry.get(eventId)).vision().nl()).hasSize(3_900);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0 && parkedGauge() == 0);
        mvc.perform(get("/api/circular/outbox/parked").header("Authorization", ADMIN)).andExpect(jsonPath("$.totalItems").value(0));
    }

    private double parkedGauge() {
        return registry.get("roadmap.outbox.parked").gauge().value();
    }

    private MockHttpServletRequestBuilder changeSpearhead(String vision) {
        return json(put("/api/circular/spearheads/heat"), LEAD, "{\"title\": {\"nl\": \"Warmte als circulaire grondstof\", \"en\": \"Heat\"}, "
                + "\"vision\": {\"nl\": \"" + vision + "\", \"en\": \"" + vision + "\"}}");
    }

    /** The events of this challenge on the spearhead and milestone topics by event id, read from the start until {@code enough}. */
    private Map<String, RoadmapEvent> publishedUntil(java.util.function.Predicate<Map<String, RoadmapEvent>> enough) {
        Map<String, RoadmapEvent> events = new HashMap<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "parked-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(RoadmapTopics.SPEARHEADS, RoadmapTopics.MILESTONES));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.key().startsWith("circular/")) {
                        events.put(r.value().getId(), RoadmapEvents.payload(r.value()));
                    }
                });
                return enough.test(events);
            });
        }
        return events;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String authorization, String body) {
        return request.header("Authorization", authorization).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
