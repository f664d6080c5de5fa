package nl.amsterdameconomicboard.roadmaps.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.amsterdameconomicboard.roadmaps.events.EventType;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorDefinition;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorMeasured;
import nl.amsterdameconomicboard.roadmaps.events.InitiativeChanged;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.ScorecardCache;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.Scorecards;
import io.micrometer.core.instrument.MeterRegistry;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import nl.amsterdameconomicboard.roadmaps.scorecard.stream.ScorecardStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import nl.amsterdameconomicboard.roadmaps.support.test.TestEngines;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The scorecard against a real (in-process) broker and the embedded store: only events feed it. The store and the
 * broker come from TestEngines (ScorecardServiceOnRealEnginesTest runs the same tests on real ones).
 */
@SpringBootTest(properties = {"scorecard.stream.max-connections=5", "scorecard.stream.max-per-client=2",
        "scorecard.intake.retries=2", "scorecard.intake.first-retry=1s"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestEngines.class)
@ExtendWith(OutputCaptureExtension.class)
class ScorecardServiceTest {

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        // the tests make their callers with jwt(): no key set is ever fetched
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/unused");
    }

    @Autowired
    MockMvc mvc;
    /** The broker's address, whichever broker TestEngines chose. */
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ScorecardCache cache;
    @Autowired
    Scorecards scorecards;
    @Autowired
    ScorecardStream streams;
    @Autowired
    MeterRegistry registry;
    @MockitoSpyBean
    MilestoneProjection milestones;

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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            for (String topic : RoadmapTopics.ALL) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.describeConfigs(List.of(resource)).all()
                        .get().get(resource).get("retention.ms").value()).isEqualTo("-1"));
            }
        }
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheReasonAndLaterEventsStillCount() throws Exception {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(KafkaTestUtils.producerProps(kafka), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, "talent/x", "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }
        CloudEvent unknownVersion = CloudEventBuilder.v1(RoadmapEvents.milestoneStatusChanged(UUID.randomUUID(),
                change("talent", "talent-to-work-2017", null, "PLANNED", 1))).withType("nl.amsterdameconomicboard.roadmap.milestone.status-changed.v9").build();
        producer.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, "talent/talent-to-work-2017", unknownVersion)).get();
        send(change("talent", "talent-to-work-2017", null, "PLANNED", 1));
        send(change("talent", "talent-to-work-2017", "PLANNED", "ON_TRACK", 2));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/scorecards"))
                .andExpect(jsonPath("$.challenges[?(@.challenge == 'talent')].milestones.onTrack").value(1)));

        List<String> reasons = deadLetters(RoadmapTopics.MILESTONES, "talent/", 2);
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("v9"));
    }

    @Test
    void aRecordThatCanNeverBeAppliedIsDeadLetteredAtOnceAndTheNextOnesOfEveryTopicStillCount(CapturedOutput output) throws Exception {
        double before = deadLettered(RoadmapTopics.INDICATORS);
        String withoutDefinition = "{\"challenge\": \"circular\", \"spearhead\": \"poison\", \"indicator\": \"recycled-share\", "
                + "\"change\": \"target-changed\", \"changedBy\": \"x\", \"changedAt\": \"2026-11-27T10:15:30Z\", \"revision\": 2}";
        producer.send(new ProducerRecord<>(RoadmapTopics.INDICATORS, "circular/recycled-share", RoadmapEvents.event(UUID.randomUUID(),
                RoadmapEvents.source("circular"), IndicatorChanged.TYPE, "circular/recycled-share", Instant.now(), withoutDefinition))).get();
        sendIndicator(new IndicatorChanged("circular", "poison", "recycled-share", recycledShare(), "announced", "roadmap-seed", Instant.now(), 1));
        send(change("circular", "poison-neighbour-2030", null, "PLANNED", 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById("circular/recycled-share", IndicatorState.class) != null
                && mongo.findById("circular/poison-neighbour-2030", MilestoneState.class) != null);
        assertThat(deadLetters(RoadmapTopics.INDICATORS, "circular/recycled-share", 1)).singleElement()
                .satisfies(reason -> assertThat(reason).contains("required field 'definition'"));
        assertThat(deadLettered(RoadmapTopics.INDICATORS)).isEqualTo(before + 1);
        assertThat(output).contains("ERROR").contains("Dead-lettered the record at " + RoadmapTopics.INDICATORS + "-");
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedAFewTimesThenDeadLetteredWhileTheOtherTopicsFlowOn(CapturedOutput output) throws Exception {
        double before = deadLettered(RoadmapTopics.MILESTONES);
        UUID poison = UUID.randomUUID();
        CountDownLatch stuck = new CountDownLatch(1);
        doAnswer(attempt -> { // the first attempt hangs until released, then every attempt fails
            stuck.await(30, TimeUnit.SECONDS);
            throw new IllegalStateException("fails every time");
        }).when(milestones).apply(argThat(withEvent(poison)));
        send(poison, change("circular", "poisoned-2030", null, "PLANNED", 1));
        send(change("circular", "poisoned-2030", "PLANNED", "AT_RISK", 2)); // same key, so same partition: behind the poison
        verify(milestones, timeout(20_000)).apply(argThat(withEvent(poison)));

        sendIndicator(new IndicatorChanged("circular", "poison", "sent-while-stuck", recycledShare(), "announced", "roadmap-seed", Instant.now(), 1));
        await("another topic read while the milestones are stuck").atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findById("circular/sent-while-stuck", IndicatorState.class) != null);
        assertThat(mongo.findById("circular/poisoned-2030", MilestoneState.class)).isNull();
        stuck.countDown();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mongo.findById("circular/poisoned-2030", MilestoneState.class))
                .isNotNull().extracting(MilestoneState::status).isEqualTo("AT_RISK"));
        // the first attempt and two retries, each of the poisoned record alone (a batch it fails is applied again an event
        // at a time to find it), and not a fourth
        assertThat(output).contains("Attempt 3 to apply the record").doesNotContain("Attempt 4 to apply the record")
                .contains("(key circular/poisoned-2030) failed: IllegalStateException: fails every time");
        assertThat(deadLettered(RoadmapTopics.MILESTONES)).isEqualTo(before + 1);
        assertThat(deadLetters(RoadmapTopics.MILESTONES, "circular/poisoned-2030", 1)).singleElement()
                .satisfies(reason -> assertThat(reason).contains("fails every time"));
    }

    private static ArgumentMatcher<List<MilestoneProjection.Arrived>> withEvent(UUID id) {
        return batch -> batch != null && batch.stream().anyMatch(arrived -> arrived.eventId().equals(id.toString()));
    }

    private double deadLettered(String topic) {
        return registry.get("scorecard.events.dead-lettered").tag("topic", topic).counter().count();
    }

    /** The reasons of the records in the dead-letter topic of {@code topic} whose key starts with {@code keyPrefix}, once there are {@code atLeast}. */
    private List<String> deadLetters(String topic, String keyPrefix, int atLeast) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(kafka, "dlt-reader-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(topic + "-dlt"));
            List<String> reasons = new java.util.ArrayList<>();
            Runnable read = () -> dlt.poll(Duration.ofMillis(300)).forEach(r -> {
                if (r.key() != null && r.key().startsWith(keyPrefix)) {
                    reasons.add(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8));
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                read.run();
                return reasons.size() >= atLeast;
            });
            read.run(); // a record dead-lettered twice would show here
            return reasons;
        }
    }

    private static IndicatorDefinition recycledShare() {
        return new IndicatorDefinition(new LocalizedText("Aandeel gerecycled", "Share recycled"), "%", 20.0, LocalDate.of(2016, 1, 1), 50,
                LocalDate.of(2030, 12, 31), "UP", false);
    }

    @Test
    void aScorecardCanBeShownAsItStoodOnAnEarlierDay() throws Exception {
        send(change("digital", "datacenter-hub-2017", null, "PLANNED", 1, "2017-01-10T09:00:00Z"));
        send(change("digital", "datacenter-hub-2017", "PLANNED", "AT_RISK", 2, "2017-06-01T09:00:00Z"));
        send(change("digital", "trust-2017", null, "PLANNED", 1, "2017-08-01T09:00:00Z"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/scorecards/digital"))
                .andExpect(jsonPath("$.milestones.total").value(2)));
        mvc.perform(get("/api/scorecards/digital").param("asOf", "2017-03-31"))
                .andExpect(jsonPath("$.asOf").value("2017-03-31"))
                .andExpect(jsonPath("$.milestones.total").value(1))
                .andExpect(jsonPath("$.milestones.planned").value(1))
                .andExpect(jsonPath("$.status").value("GREEN"));
        mvc.perform(get("/api/scorecards/digital").param("asOf", "2017-07-01"))
                .andExpect(jsonPath("$.milestones.atRisk").value(1))
                .andExpect(jsonPath("$.status").value("AMBER"));
        mvc.perform(get("/api/scorecards/digital/series").param("from", "2017-01-01").param("to", "2017-12-31"))
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[*].status").value(org.hamcrest.Matchers.contains("GREEN", "AMBER", "AMBER", "RED")));
        mvc.perform(get("/api/scorecards/digital").param("asOf", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void eachMilestoneIsShownWithTheStatusItHadOnAPastDayAndTheFirstKnownDayIsSaid() throws Exception {
        // a milestone of its own (other tests change mobility's real ones), published with the roadmap on 1 January 2016
        String probe = "$.milestones[?(@.milestone == 'as-of-probe')]";
        send(change("mobility", "as-of-probe", null, "PLANNED", 1, "2016-01-01T00:00:00Z"));
        send(change("mobility", "as-of-probe", "PLANNED", "ON_TRACK", 2, "2017-09-01T09:00:00Z"));
        send(change("mobility", "as-of-probe", "ON_TRACK", "ACHIEVED", 3, "2018-01-15T09:00:00Z"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/scorecards/mobility/milestones"))
                .andExpect(jsonPath(probe + ".status").value(org.hamcrest.Matchers.contains("ACHIEVED"))));
        mvc.perform(get("/api/scorecards/mobility/milestones").param("asOf", "2017-06-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2017-06-30"))
                .andExpect(jsonPath("$.firstKnown").value("2016-01-01"))
                .andExpect(jsonPath(probe + ".status").value(org.hamcrest.Matchers.contains("PLANNED")))
                .andExpect(jsonPath(probe + ".since").value(org.hamcrest.Matchers.contains("2016-01-01T00:00:00Z")))
                .andExpect(jsonPath(probe + ".overdue").value(org.hamcrest.Matchers.contains(false)));
        mvc.perform(get("/api/scorecards/mobility/milestones").param("asOf", "2017-12-31"))
                .andExpect(jsonPath(probe + ".status").value(org.hamcrest.Matchers.contains("ON_TRACK")))
                .andExpect(jsonPath(probe + ".since").value(org.hamcrest.Matchers.contains("2017-09-01T09:00:00Z")));
        mvc.perform(get("/api/scorecards/mobility/milestones").param("asOf", "2015-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(get("/api/scorecards/nowhere/milestones")).andExpect(status().isNotFound());
    }

    @Test
    void indicatorsShowTheirLatestValueTrendAndProjection() throws Exception {
        IndicatorDefinition definition = new IndicatorDefinition(new LocalizedText("Woningen op restwarmte", "Homes on residual heat"), "homes",
                170000.0, LocalDate.of(2016, 1, 1), 400000, LocalDate.of(2030, 12, 31), "UP", false);
        sendIndicator(new IndicatorChanged("circular", "heat", "homes-on-residual-heat", definition, "announced", "roadmap-seed",
                Instant.parse("2016-06-01T00:00:00Z"), 1));
        sendIndicator(new IndicatorMeasured("circular", "heat", "homes-on-residual-heat", definition, LocalDate.of(2021, 1, 1), 220000,
                "Warmtemonitor", null, "circular-lead", Instant.now(), 2));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/scorecards/circular"))
                .andExpect(jsonPath("$.spearheads[?(@.spearhead == 'heat')].indicators[0].latest.value").value(220000.0))
                .andExpect(jsonPath("$.spearheads[?(@.spearhead == 'heat')].indicators[0].onCourse").value(false))
                .andExpect(jsonPath("$.spearheads[?(@.spearhead == 'heat')].status").value("AMBER"))
                .andExpect(jsonPath("$.spearheads[?(@.spearhead == 'heat')].reasons[0].kind").value("indicator")));
    }

    @Test
    void openDashboardsAreToldWhenAScorecardChanges() throws Exception {
        MvcResult stream = mvc.perform(get("/api/scorecards/stream")).andExpect(request().asyncStarted()).andReturn();
        send(change("mobility", "maas-2017", null, "PLANNED", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.getResponse().getContentAsString().contains("event:scorecard-changed"));
        assertThat(stream.getResponse().getContentAsString()).contains("\"challenge\":\"mobility\"");
    }

    @Test
    void theBoardPublishesFrozenEditionsAndEachSaysWhatChangedSinceTheOneBefore() throws Exception {
        String body = "{\"title\": \"Scorecard Q4\"}";
        mvc.perform(post("/api/scorecards/editions").contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/scorecards/editions").with(user("partner", "partner")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/scorecards/editions").with(user("board", "board")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());

        send(change("mobility", "cycling-next-level-2017", null, "PLANNED", 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/scorecards/mobility"))
                .andExpect(jsonPath("$.milestones.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
        String first = mvc.perform(post("/api/scorecards/editions").with(user("board", "board")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.publishedBy").value("board"))
                .andExpect(jsonPath("$.challenges.length()").value(5))
                .andReturn().getResponse().getHeader("Location");

        send(change("mobility", "cycling-next-level-2017", "PLANNED", "AT_RISK", 2));
        InitiativeChanged lab = new InitiativeChanged("mobility", "cycling-next-level", "bike-lab", new LocalizedText("Fietslab", "Bike lab"),
                "RUNNING", null, null, List.of(), "created", null, "mobility-lead", Instant.now(), 1);
        producer.send(new ProducerRecord<>(RoadmapTopics.INITIATIVES, lab.key(), RoadmapEvents.event(UUID.randomUUID(),
                RoadmapEvents.source("mobility"), InitiativeChanged.TYPE, lab.key(), Instant.now(), RoadmapEvents.toJson(lab)))).get();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/scorecards/mobility"))
                .andExpect(jsonPath("$.spearheads[?(@.spearhead == 'cycling-next-level')].milestones.atRisk").value(1))
                .andExpect(jsonPath("$.spearheads[?(@.spearhead == 'cycling-next-level')].initiatives.running").value(1)));
        Thread.sleep(1100); // edition ids are to the second
        String second = mvc.perform(post("/api/scorecards/editions").with(user("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Scorecard Q1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");

        mvc.perform(get(first)).andExpect(jsonPath("$.challenges[?(@.challenge == 'mobility')].spearheads[?(@.spearhead == 'cycling-next-level')].milestones.atRisk").value(0));
        mvc.perform(get(second + "/diff"))
                .andExpect(jsonPath("$.previous").value(first.substring(first.lastIndexOf('/') + 1)))
                .andExpect(jsonPath("$.statuses[?(@.challenge == 'mobility' && @.spearhead == 'cycling-next-level')].to").value("AMBER"))
                .andExpect(jsonPath("$.milestones[?(@.challenge == 'mobility')].to.atRisk").value(1))
                .andExpect(jsonPath("$.itemsCompared").value(true))
                .andExpect(jsonPath("$.milestoneChanges[?(@.milestone == 'cycling-next-level-2017')].from").value("PLANNED"))
                .andExpect(jsonPath("$.milestoneChanges[?(@.milestone == 'cycling-next-level-2017')].to").value("AT_RISK"))
                .andExpect(jsonPath("$.milestoneChanges[?(@.milestone == 'cycling-next-level-2017')].note").value("note"))
                .andExpect(jsonPath("$.initiativesAdded[?(@.initiative == 'bike-lab')].titleEn").value("Bike lab"));
        mvc.perform(get("/api/scorecards/editions")).andExpect(jsonPath("$[0].title").value("Scorecard Q1"));
        mvc.perform(put(second).with(user("admin", "admin")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theQuarterlySeriesIsKeptUntilAnEventChangesItAndThenEqualsAFreshComputation() throws Exception {
        send(change("talent", "kept-series", null, "PLANNED", 1, "2019-02-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById("talent/kept-series", MilestoneState.class) != null);
        LocalDate from = LocalDate.of(2019, 1, 1);
        LocalDate to = LocalDate.of(2019, 12, 31);
        mvc.perform(get("/api/scorecards/talent/series").param("from", from.toString()).param("to", to.toString()))
                .andExpect(jsonPath("$.length()").value(4));

        long computed = cache.computedCards();
        mvc.perform(get("/api/scorecards/talent/series").param("from", from.toString()).param("to", to.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].spearheads[?(@.spearhead == 'kept-series')].milestones.atRisk").value(0));
        assertThat(cache.computedCards()).as("the second anonymous call computes nothing").isEqualTo(computed);

        send(change("talent", "kept-series", "PLANNED", "AT_RISK", 2, "2019-05-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById("talent/kept-series", MilestoneState.class).revision() == 2);
        mvc.perform(get("/api/scorecards/talent/series").param("from", from.toString()).param("to", to.toString()))
                .andExpect(jsonPath("$[1].asOf").value("2019-06-30"))
                .andExpect(jsonPath("$[0].spearheads[?(@.spearhead == 'kept-series')].milestones.atRisk").value(0))
                .andExpect(jsonPath("$[1].spearheads[?(@.spearhead == 'kept-series')].milestones.atRisk").value(1));
        assertThat(cache.quarterly("talent", from, to)).isEqualTo(scorecards.quarterly("talent", from, to));
        assertThat(cache.of("talent", LocalDate.of(2019, 3, 31))).isEqualTo(scorecards.of("talent", LocalDate.of(2019, 3, 31)));
    }

    @Test
    void liveStreamsAreCappedPerClientAddressAndPerInstanceAndEndAfterTheirLifetime() throws Exception {
        List<MvcResult> open = new java.util.ArrayList<>();
        open.add(openStream("198.51.100.1"));
        open.add(openStream("198.51.100.1"));
        mvc.perform(get("/api/scorecards/stream").accept(MediaType.TEXT_EVENT_STREAM).with(from("198.51.100.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "60"));
        for (int client = 2; streams.openStreams() < 5; client++) {
            open.add(openStream("198.51.100." + client));
        }
        mvc.perform(get("/api/scorecards/stream").accept(MediaType.TEXT_EVENT_STREAM).with(from("198.51.100.99")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/too-many-streams"))
                .andExpect(header().exists("Retry-After"));
        assertThat(open.get(0).getRequest().getAsyncContext().getTimeout()).as("the longest a stream stays open").isEqualTo(300_000);

        int before = streams.openStreams();
        open.forEach(stream -> stream.getRequest().getAsyncContext().complete()); // the dashboards went away
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == before - open.size());
        openStream("198.51.100.1").getRequest().getAsyncContext().complete();
    }

    @Test
    void anEditionBodyOverTheLimitOrWithAnUnknownFieldIsRefused() throws Exception {
        mvc.perform(post("/api/scorecards/editions").with(user("board", "board")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Q4\", \"note\": \"" + "n".repeat(70_000) + "\"}"))
                .andExpect(status().is(413))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/scorecards/editions").with(user("board", "board")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"titel\": \"Q4\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("titel"));
        mvc.perform(get("/api/scorecards/editions")).andExpect(jsonPath("$[?(@.title == 'Q4')]").isEmpty());
    }

    @Test
    void anEditionWithoutATitleIsRefusedAtItsFieldInTheLanguageAskedFor() throws Exception {
        mvc.perform(post("/api/scorecards/editions").with(user("board", "board")).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("moet de editie een naam geven, bijv. Scorecard Q4 2026"));
        mvc.perform(post("/api/scorecards/editions").with(user("board", "board")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"\"}"))
                .andExpect(jsonPath("$.errors[0].message").value("must name the edition, e.g. Scorecard Q4 2026"));
    }

    private MvcResult openStream(String client) throws Exception {
        return mvc.perform(get("/api/scorecards/stream").accept(MediaType.TEXT_EVENT_STREAM).with(from(client)))
                .andExpect(request().asyncStarted()).andReturn();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static RequestPostProcessor user(String name, String role) {
        return jwt().jwt(j -> j.claim("preferred_username", name)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private static MilestoneStatusChanged change(String challenge, String milestone, String from, String to, long revision) {
        return change(challenge, milestone, from, to, revision, Instant.now().toString());
    }

    /** A 2017 milestone: overdue from 2018 on. */
    private static MilestoneStatusChanged change(String challenge, String milestone, String from, String to, long revision, String at) {
        return new MilestoneStatusChanged(challenge, milestone.replace("-2017", ""), milestone,
                new LocalizedText("nl", "en"), milestone.endsWith("-2017") && at.startsWith("2017") ? LocalDate.of(2017, 12, 30) : LocalDate.of(2030, 12, 31),
                from, to, "note", "lead", Instant.parse(at), revision);
    }

    private void sendIndicator(Object payload) throws Exception {
        EventType type = (EventType) payload.getClass().getField("TYPE").get(null);
        String key = (String) payload.getClass().getMethod("key").invoke(payload);
        producer.send(new ProducerRecord<>(RoadmapTopics.INDICATORS, key,
                RoadmapEvents.event(UUID.randomUUID(), RoadmapEvents.source("circular"), type, key, Instant.now(), RoadmapEvents.toJson(payload)))).get();
    }

    private void send(MilestoneStatusChanged change) throws Exception {
        send(UUID.randomUUID(), change);
    }

    private void send(UUID id, MilestoneStatusChanged change) throws Exception {
        producer.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, change.key(), RoadmapEvents.milestoneStatusChanged(id, change))).get();
    }

}
