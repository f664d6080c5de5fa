package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.OutboxRelay;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ChallengeServiceTest
@org.springframework.test.context.TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json"})
class MilestoneApiTest {

    private static final TestTokens tokens = TestTokens.get();
    private static final String LEAD = tokens.bearer("circular-lead", "circular-editor");

    @Autowired
    MockMvc mvc;
    @Autowired
    Milestones milestones;
    @Autowired
    OutboxRelay relay;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private Consumer<String, CloudEvent> consumer;

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(RoadmapTopics.MILESTONES));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void theChallengeShowsItsAmbitionAndSpearheadsWithTheirMilestones() throws Exception {
        mvc.perform(get("/api/circular"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("circular"))
                .andExpect(jsonPath("$.ambition2025.nl").value("Koploper in 2025."))
                .andExpect(jsonPath("$.spearheads[0].code").value("heat"))
                .andExpect(jsonPath("$.spearheads[1].milestones.length()").value(3))
                .andExpect(jsonPath("$.spearheads[1].milestones[2].id").value("raw-materials-2030"))
                .andExpect(jsonPath("$.spearheads[1].milestones[2].overdue").value(false))
                .andExpect(jsonPath("$.spearheads[1].milestones[0].overdue").value(true));
    }

    @Test
    void everySeededMilestoneIsAnnouncedOnKafka() {
        List<MilestoneStatusChanged> announced = readEvents(e -> e.previousStatus() == null, 3);
        assertThat(announced).extracting(MilestoneStatusChanged::milestone)
                .contains("heat-2017", "raw-materials-2017", "raw-materials-2030");
        await().until(() -> relay.pendingCount() == 0);
    }

    @Test
    void anEditorChangesAStatusAndTheChangeIsPublishedAsAnEvent() throws Exception {
        String etag = mvc.perform(get("/api/circular/milestones/heat-2017")).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");

        mvc.perform(changeStatus("heat-2017", "AT_RISK", "Two projects dropped out", LEAD).header("If-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AT_RISK"))
                .andExpect(header().string("ETag", "\"2\""));
        mvc.perform(get("/api/circular/milestones/heat-2017")).andExpect(jsonPath("$.status").value("AT_RISK"));

        MilestoneStatusChanged event = readEvents(e -> e.milestone().equals("heat-2017") && e.revision() == 2
                && "Two projects dropped out".equals(e.note()), 1).get(0);
        assertThat(event.previousStatus()).isEqualTo("PLANNED");
        assertThat(event.status()).isEqualTo("AT_RISK");
        assertThat(event.note()).isEqualTo("Two projects dropped out");
        assertThat(event.changedBy()).isEqualTo("circular-lead");
        assertThat(event.key()).isEqualTo("circular/heat-2017");
    }

    @Test
    void writesNeedThisChallengesEditorOrAdmin() throws Exception {
        mvc.perform(changeStatus("raw-materials-2025", "ON_TRACK", "n", null))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        for (String forbidden : List.of(
                tokens.bearer("mobility-lead", "mobility-editor"),
                tokens.bearer("partner", "partner"),
                tokens.bearer("board", "board"))) {
            mvc.perform(changeStatus("raw-materials-2025", "ON_TRACK", "n", forbidden))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(milestones.byId("raw-materials-2025").orElseThrow().status()).isEqualTo(MilestoneStatus.PLANNED);

        mvc.perform(changeStatus("raw-materials-2025", "ON_TRACK", "Procurement pilots run", tokens.bearer("admin", "admin")))
                .andExpect(status().isOk());
    }

    @Test
    void onlyAnAdminReopensAClosedMilestone() throws Exception {
        String admin = tokens.bearer("admin", "admin");
        mvc.perform(changeStatus("raw-materials-2030", "AT_RISK", "Behind", admin)).andExpect(status().isOk());
        mvc.perform(changeStatus("raw-materials-2030", "MISSED", "Not reached", LEAD)).andExpect(status().isOk());
        mvc.perform(changeStatus("raw-materials-2030", "ON_TRACK", "Try again", LEAD))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Only an admin may reopen")));
        mvc.perform(changeStatus("raw-materials-2030", "ON_TRACK", "Reopened with a new plan", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ON_TRACK"));
        mvc.perform(get("/api/circular/milestones/raw-materials-2030/history").header("Authorization", LEAD))
                .andExpect(jsonPath("$.items[0].note").value("Reopened with a new plan"))
                .andExpect(jsonPath("$.items[0].by").value("admin"));
        // the team's latest note is on the milestone for everyone, with when and who
        mvc.perform(get("/api/circular/milestones/raw-materials-2030"))
                .andExpect(jsonPath("$.latestNote.note").value("Reopened with a new plan"))
                .andExpect(jsonPath("$.latestNote.by").value("admin"))
                .andExpect(jsonPath("$.latestNote.at").exists());
        mvc.perform(get("/api/circular"))
                .andExpect(jsonPath("$.spearheads[1].milestones[2].latestNote.note").value("Reopened with a new plan"));
    }

    @Test
    void theRoadmapsFirstStateIsDatedAtTheDocumentsPublicationNotAtTheFirstStart() {
        for (String id : List.of("heat-2017", "raw-materials-2025")) {
            List<StatusChange> history = milestones.history(milestones.byId(id).orElseThrow(), 0, 200).items();
            StatusChange first = history.get(history.size() - 1); // the latest first
            assertThat(first.to()).isEqualTo(MilestoneStatus.PLANNED);
            assertThat(first.by()).isEqualTo("roadmap-seed");
            assertThat(first.at()).isEqualTo(java.time.Instant.parse("2016-01-01T00:00:00Z"));
        }
    }

    @Test
    void tokensThatAreNotTheRealmsOwnAreRefused() throws Exception {
        for (String bad : List.of(
                tokens.bearerWithAudience("another-api", "circular-lead", "circular-editor"),
                tokens.bearerFromIssuer("http://evil.example/realms/mra", "circular-lead", "circular-editor"),
                tokens.bearerSignedByAnotherKey("circular-lead", "circular-editor"),
                tokens.expiredBearer("circular-lead", "circular-editor"),
                "Bearer not-a-jwt")) {
            mvc.perform(changeStatus("raw-materials-2017", "ON_TRACK", "n", bad)).andExpect(status().isUnauthorized());
        }
        assertThat(milestones.byId("raw-materials-2017").orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        mvc.perform(changeStatus("raw-materials-2017", "DONE", "n", LEAD))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(changeStatus("raw-materials-2017", "ON_TRACK", " ", LEAD))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(put("/api/circular/milestones/raw-materials-2017/status").header("Authorization", LEAD)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": 5, \"note\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(changeStatus("raw-materials-2017", "ACHIEVED", "Skipping ahead", LEAD))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("first ON_TRACK or AT_RISK")));
        // the same refusal for a client that asks for Dutch: in the dashboard's words, naming the field
        mvc.perform(changeStatus("raw-materials-2017", "ACHIEVED", "Skipping ahead", LEAD).header("Accept-Language", "nl-NL,nl;q=0.9"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Een mijlpaal die gepland is, is eerst op koers of risico voordat hij behaald is."))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("Een mijlpaal die gepland is")));
        mvc.perform(changeStatus("raw-materials-2017", "ON_TRACK", "n", LEAD).header("If-Match", "\"9\"").header("Accept-Language", "nl"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Mijlpaal 'raw-materials-2017' staat op revisie 1, niet 9")));
        mvc.perform(changeStatus("no-such-milestone", "ON_TRACK", "n", LEAD).header("Accept-Language", "nl"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Deze uitdaging heeft geen mijlpaal 'no-such-milestone'."));
        mvc.perform(changeStatus("no-such-milestone", "ON_TRACK", "n", LEAD).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value("No milestone 'no-such-milestone' in this challenge."));
        mvc.perform(changeStatus("raw-materials-2017", "ON_TRACK", "n", LEAD).header("If-Match", "\"9\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(changeStatus("no-such-milestone", "ON_TRACK", "n", LEAD)).andExpect(status().isNotFound());

        Milestone unchanged = milestones.byId("raw-materials-2017").orElseThrow();
        assertThat(unchanged.status()).isEqualTo(MilestoneStatus.PLANNED);
        assertThat(unchanged.revision()).isEqualTo(1);
        assertThat(milestones.history(unchanged, 0, 50).totalItems()).isEqualTo(1);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder changeStatus(
            String id, String status, String note, String authorization) {
        var request = put("/api/circular/milestones/{id}/status", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"" + status + "\", \"note\": \"" + note + "\"}");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private List<MilestoneStatusChanged> readEvents(java.util.function.Predicate<MilestoneStatusChanged> wanted, int count) {
        List<MilestoneStatusChanged> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                MilestoneStatusChanged event = (MilestoneStatusChanged) RoadmapEvents.payload(record.value());
                assertThat(record.key()).isEqualTo(event.key());
                if (wanted.test(event)) {
                    found.add(event);
                }
            }
            return found.size() >= count;
        });
        return found;
    }

}
