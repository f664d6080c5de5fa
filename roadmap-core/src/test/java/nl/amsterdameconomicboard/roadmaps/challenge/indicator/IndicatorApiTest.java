package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ChallengeServiceTest
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "roadmap.test.context=indicators"})
class IndicatorApiTest {

    private static final String LEAD = TestTokens.get().bearer("circular-lead", "circular-editor");

    @Autowired
    MockMvc mvc;
    @Autowired
    Indicators indicators;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void anIndicatorsUnitIsNamedInDutchAndEnglishAndARefusalIsWordedInTheLanguageAskedFor() throws Exception {
        mvc.perform(get("/api/circular/indicators/extra-jobs-2025"))
                .andExpect(jsonPath("$.unit").value("jobs"))
                .andExpect(jsonPath("$.unitName.nl").value("banen"))
                .andExpect(jsonPath("$.unitName.en").value("jobs"));
        String noSource = "{\"date\": \"2020-01-01\", \"value\": 5}";
        mvc.perform(post("/api/circular/indicators/extra-jobs-2025/measurements").header("Authorization", LEAD)
                        .header("Accept-Language", "nl-NL,nl;q=0.9").contentType(MediaType.APPLICATION_JSON).content(noSource))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Ongeldige invoer: source."))
                .andExpect(jsonPath("$.errors[0].field").value("source"))
                .andExpect(jsonPath("$.errors[0].message").value("moet zeggen waar de waarde vandaan komt"));
        mvc.perform(post("/api/circular/indicators/extra-jobs-2025/measurements").header("Authorization", LEAD)
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(noSource))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must say where the value comes from"));
        mvc.perform(post("/api/circular/indicators/extra-jobs-2025/measurements").header("Authorization", LEAD)
                        .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON).content("{\"vaule\": 5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("vaule"))
                .andExpect(jsonPath("$.errors[0].message").value("is geen veld van dit verzoek"));
    }

    @Test
    void theRoadmapsIndicatorsAreListedWithTheirTargetsAndStaleWithoutARecentValue() throws Exception {
        mvc.perform(get("/api/circular/indicators"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[0].id").value("extra-jobs-2025"))
                .andExpect(jsonPath("$.items[0].spearhead").doesNotExist())
                .andExpect(jsonPath("$.items[0].updateFrequency").value("P1Y"))
                .andExpect(jsonPath("$.items[0].stale").value(true));
        mvc.perform(get("/api/circular/indicators").param("spearhead", "heat").param("size", "1"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/circular/indicators").param("size", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void aMeasurementMovesTheIndicatorTowardItsTargetAndMakesItCurrent() throws Exception {
        String etag = mvc.perform(get("/api/circular/indicators/homes-on-residual-heat"))
                .andExpect(jsonPath("$.baseline.value").value(170000))
                .andExpect(jsonPath("$.stale").value(true))
                .andReturn().getResponse().getHeader("ETag");

        mvc.perform(json(post("/api/circular/indicators/homes-on-residual-heat/measurements"),
                        "{\"date\": \"" + LocalDate.now() + "\", \"value\": 193000, \"source\": \"Warmtemonitor\", \"note\": \"Q3\"}")
                        .header("If-Match", etag))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.latest.value").value(193000))
                .andExpect(jsonPath("$.latest.recordedBy").value("circular-lead"))
                .andExpect(jsonPath("$.progress").value(0.1))  // (193,000 - 170,000) / (400,000 - 170,000)
                .andExpect(jsonPath("$.stale").value(false));

        mvc.perform(get("/api/circular/indicators/homes-on-residual-heat/measurements"))
                .andExpect(jsonPath("$.items[0].source").value("Warmtemonitor"));
        mvc.perform(get("/api/circular/indicators/homes-on-residual-heat/history").header("Authorization", LEAD))
                .andExpect(jsonPath("$.items[*].action").value(hasItem("measurement recorded")));
    }

    @Test
    void badMeasurementsAreRefusedFieldByFieldAndChangeNothing() throws Exception {
        long before = indicators.byId("extra-jobs-2025").orElseThrow().revision();
        String path = "/api/circular/indicators/extra-jobs-2025/measurements";
        mvc.perform(json(post(path), "{\"date\": \"2026-01-01\", \"value\": 100}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        mvc.perform(json(post(path), "{\"date\": \"" + LocalDate.now().plusDays(3) + "\", \"value\": 100, \"source\": \"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(json(post(path), "{\"date\": \"2026-01-01\", \"value\": \"many\", \"source\": \"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"));
        mvc.perform(json(post(path), "{\"date\": \"2026-01-01\", \"value\": 100, \"source\": \"x\"}").header("If-Match", "\"99\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(json(post("/api/circular/indicators/nope/measurements"), "{\"date\": \"2026-01-01\", \"value\": 1, \"source\": \"x\"}"))
                .andExpect(status().isNotFound());
        assertThat(indicators.byId("extra-jobs-2025").orElseThrow().revision()).isEqualTo(before);
    }

    @Test
    void aNegativeCountIsRefusedNamingTheValueAndChangesNothing() throws Exception {
        long before = indicators.byId("homes-on-residual-heat").orElseThrow().revision();
        mvc.perform(json(post("/api/circular/indicators/homes-on-residual-heat/measurements"),
                        "{\"date\": \"2026-01-01\", \"value\": -3, \"source\": \"Warmtemonitor\", \"confirmImplausible\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("a count cannot be negative")));
        assertThat(indicators.byId("homes-on-residual-heat").orElseThrow().revision()).isEqualTo(before);
    }

    @Test
    void aValueFarOutsideTheIndicatorsRangeIsRecordedOnlyWhenConfirmed() throws Exception {
        String path = "/api/circular/indicators/homes-on-residual-heat/measurements";
        long before = indicators.byId("homes-on-residual-heat").orElseThrow().revision();
        mvc.perform(json(post(path), "{\"date\": \"2026-01-01\", \"value\": 1e12, \"source\": \"Warmtemonitor\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(containsString("implausible-value")))
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.detail").value(containsString("far outside")))
                .andExpect(jsonPath("$.detail").value(containsString("confirmImplausible")));
        // the same refusal to a Dutch client: in Dutch, with the unit's Dutch name
        mvc.perform(json(post(path), "{\"date\": \"2026-01-01\", \"value\": 1e12, \"source\": \"Warmtemonitor\"}")
                        .header("Accept-Language", "nl"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("1000000000000 woningen ligt ver buiten wat deze indicator kende")));
        assertThat(indicators.byId("homes-on-residual-heat").orElseThrow().revision()).as("nothing written").isEqualTo(before);

        mvc.perform(json(post(path), "{\"date\": \"" + LocalDate.now() + "\", \"value\": 1860000, \"source\": \"Warmtemonitor\", "
                        + "\"confirmImplausible\": true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.latest.value").value(1860000))
                .andExpect(jsonPath("$.quantity").value("COUNT"));
        mvc.perform(get("/api/circular/indicators/homes-on-residual-heat/history").header("Authorization", LEAD))
                .andExpect(jsonPath("$.items[0].detail").value(containsString("confirmed although far outside")))
                .andExpect(jsonPath("$.items[0].action").value("measurement recorded"))
                .andExpect(jsonPath("$.items[0].facts.value").value(1860000.0))
                .andExpect(jsonPath("$.items[0].facts.unit").value("homes"))
                .andExpect(jsonPath("$.items[0].facts.date").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.items[0].facts.confirmed").value(true));
    }

    @Test
    void aTargetChangeIsRecordedWithItsReason() throws Exception {
        mvc.perform(json(put("/api/circular/indicators/extra-jobs-2025/target"), "{\"target\": 5000, \"deadline\": \"2026-12-31\", \"note\": \"Raised by the Board\"}"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.target").value(5000))
                .andExpect(jsonPath("$.deadline").value("2026-12-31"));
        mvc.perform(json(put("/api/circular/indicators/extra-jobs-2025/target"), "{\"target\": 5000, \"deadline\": \"2026-12-31\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(get("/api/circular/indicators/extra-jobs-2025/history").header("Authorization", LEAD))
                .andExpect(jsonPath("$.items[0].detail").value(containsString("Raised by the Board")));
    }

    @Test
    void aCountedIndicatorFollowsItsRegisterAndRefusesTypedValues() throws Exception {
        mvc.perform(json(post("/api/circular/indicators/heat-projects-with-business-case/measurements"),
                        "{\"date\": \"2026-01-01\", \"value\": 12, \"source\": \"spreadsheet\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("register")));

        mvc.perform(json(post("/api/circular/initiatives"), "{\"id\": \"zaandam-heat-network\", \"spearhead\": \"heat\", "
                        + "\"title\": {\"nl\": \"Warmtenet Zaandam\"}, \"status\": \"RUNNING\", \"tags\": [\"heat-project:business-case\"]}"))
                .andExpect(status().isCreated());

        await().untilAsserted(() -> mvc.perform(get("/api/circular/indicators/heat-projects-with-business-case"))
                .andExpect(jsonPath("$.computed").value(true))
                .andExpect(jsonPath("$.latest.value").value(1))
                .andExpect(jsonPath("$.latest.recordedBy").value("platform"))
                .andExpect(jsonPath("$.countedItems[0].id").value("zaandam-heat-network")));
    }

    @Test
    void anAdminReannouncesTheWholeChallengeAsSnapshotsWithTheCurrentSeries() throws Exception {
        mvc.perform(json(post("/api/circular/indicators/homes-on-residual-heat/measurements"),
                "{\"date\": \"2025-06-30\", \"value\": 185000, \"source\": \"Warmtemonitor\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/circular/announcements").header("Authorization", TestTokens.get().bearer("admin", "admin")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.announced").value(org.hamcrest.Matchers.greaterThanOrEqualTo(10)));

        try (var consumer = new KafkaConsumer<String, io.cloudevents.CloudEvent>(Map.of(
                "bootstrap.servers", kafka,
                "group.id", "snapshot-reader", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(RoadmapTopics.INDICATORS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (RoadmapEvents.payload(record.value())
                            instanceof IndicatorChanged c
                            && "snapshot".equals(c.change()) && c.indicator().equals("homes-on-residual-heat")
                            && c.measurements() != null && c.measurements().stream().anyMatch(m -> m.value() == 185000)) {
                        return c.revision() == indicators.byId("homes-on-residual-heat").orElseThrow().revision();
                    }
                }
                return false;
            });
        }
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.header("Authorization", LEAD).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
