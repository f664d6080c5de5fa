package nl.amsterdameconomicboard.roadmaps.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RoadmapEventsTest {

    private final MilestoneStatusChanged change = new MilestoneStatusChanged(
            "circular", "heat", "heat-2017",
            new LocalizedText("Voor 20 individuele warmte projecten zijn eind 2017 business cases ontwikkeld.", "By end 2017, 20 heat projects have a business case."),
            LocalDate.of(2017, 12, 31), "PLANNED", "AT_RISK", "Two projects dropped out", "circular-lead",
            Instant.parse("2026-11-27T10:15:30Z"), 3);

    @Test
    void aMilestoneEventSurvivesTheTripThroughKafkaBinaryMode() {
        UUID id = UUID.randomUUID();
        CloudEvent event = RoadmapEvents.milestoneStatusChanged(id, change);

        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            value = serializer.serialize(RoadmapTopics.MILESTONES, headers, event);
        }
        assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("nl.amsterdameconomicboard.roadmap.milestone.status-changed.v1");
        assertThat(new String(headers.lastHeader("ce_subject").value(), StandardCharsets.UTF_8)).isEqualTo("circular/heat-2017");
        assertThat(new String(value, StandardCharsets.UTF_8)).contains("\"status\":\"AT_RISK\"");

        CloudEvent read;
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            read = deserializer.deserialize(RoadmapTopics.MILESTONES, headers, value);
        }
        assertThat(read.getId()).isEqualTo(id.toString());
        assertThat(read.getSource()).isEqualTo(URI.create("/services/circular-service"));
        assertThat(RoadmapEvents.payload(read)).isEqualTo(change);
    }

    @Test
    void thePayloadMatchesItsPublishedSchema() throws Exception {
        Schema schema = schema(MilestoneStatusChanged.TYPE);
        List<Error> errors = schema.validate(RoadmapEvents.toJson(change), com.networknt.schema.InputFormat.JSON);
        assertThat(errors).isEmpty();

        List<Error> wrong = schema.validate(RoadmapEvents.toJson(new MilestoneStatusChanged(
                "circular", "heat", "heat-2017", change.title(), change.deadline(), null, "DONE", null, "x", change.changedAt(), 1)),
                com.networknt.schema.InputFormat.JSON);
        assertThat(wrong).isNotEmpty();
    }

    @Test
    void everyTypeOfTheContractMatchesItsSchemaAndReadsBack() throws Exception {
        Instant at = Instant.parse("2026-11-27T10:15:30Z");
        IndicatorDefinition definition = new IndicatorDefinition(new LocalizedText("Woningen op restwarmte", "Homes on residual heat"),
                "homes", 170000.0, LocalDate.of(2016, 1, 1), 400000, LocalDate.of(2025, 12, 31), "UP", false);
        List<RoadmapEvent> payloads = List.of(
                change,
                new IndicatorChanged("circular", "heat", "homes-on-residual-heat", definition, "announced", "roadmap-seed", at, 1),
                new IndicatorMeasured("circular", "heat", "homes-on-residual-heat", definition, LocalDate.of(2026, 9, 30), 193000,
                        "Warmtemonitor", null, "circular-lead", at, 2),
                new InitiativeChanged("talent", "talent-to-work", "werk-maken-van-talent", new LocalizedText("Werk maken van Talent", null),
                        "RUNNING", null, null, List.of(new InitiativeChanged.Partner("ManpowerGroup", "BUSINESS")), "progress",
                        "Forty people placed", "partner", at, 4),
                new SpearheadChanged("circular", "heat", new LocalizedText("Warmte", "Heat"), null, 1, "changed", "admin", at, 2));
        for (RoadmapEvent payload : payloads) {
            EventType type = payload.type();
            Schema schema = schema(type);
            assertThat(schema.validate(RoadmapEvents.toJson(payload), com.networknt.schema.InputFormat.JSON)).as(type.type()).isEmpty();
            assertThat(RoadmapEvents.toJson(payload)).as("type and key stay off the wire").doesNotContain("\"version\"").doesNotContain("\"key\"");
            CloudEvent event = RoadmapEvents.event(UUID.randomUUID(), RoadmapEvents.source("circular"), type, "k", at, RoadmapEvents.toJson(payload));
            assertThat(RoadmapEvents.payload(event)).isEqualTo(payload);
            assertThat(payload.accept(new TypeName())).isEqualTo(payload.getClass().getSimpleName());
        }
    }

    @Test
    void aChallengeIsAnyLowerCaseCodeOfTheRegistryNotAFixedList() throws Exception {
        for (EventType type : List.of(MilestoneStatusChanged.TYPE, SpearheadChanged.TYPE, IndicatorChanged.TYPE, IndicatorMeasured.TYPE,
                InitiativeChanged.TYPE)) {
            String schema = new String(getClass().getResourceAsStream(type.dataSchema().getPath()).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(schema).as(type.type()).contains("\"pattern\": \"^[a-z][a-z0-9-]*$\"").doesNotContain("\"talent\"");
        }
        Schema schema = schema(MilestoneStatusChanged.TYPE);
        MilestoneStatusChanged food = new MilestoneStatusChanged("food-transition", "protein", "protein-2030", change.title(), change.deadline(),
                null, "PLANNED", null, "food-lead", change.changedAt(), 1);
        assertThat(schema.validate(RoadmapEvents.toJson(food), com.networknt.schema.InputFormat.JSON)).isEmpty();
        MilestoneStatusChanged upperCase = new MilestoneStatusChanged("Circular", "heat", "heat-2017", change.title(), change.deadline(),
                null, "PLANNED", null, "x", change.changedAt(), 1);
        assertThat(schema.validate(RoadmapEvents.toJson(upperCase), com.networknt.schema.InputFormat.JSON)).isNotEmpty();
    }

    private Schema schema(EventType type) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(type.dataSchema().getPath())) {
            assertThat(in).as("schema of " + type).isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Names the type it was handed: shows each payload dispatches to its own method. */
    private static final class TypeName implements RoadmapEvent.Handler<String> {

        @Override
        public String on(MilestoneStatusChanged event) {
            return "MilestoneStatusChanged";
        }

        @Override
        public String on(IndicatorMeasured event) {
            return "IndicatorMeasured";
        }

        @Override
        public String on(IndicatorChanged event) {
            return "IndicatorChanged";
        }

        @Override
        public String on(InitiativeChanged event) {
            return "InitiativeChanged";
        }

        @Override
        public String on(SpearheadChanged event) {
            return "SpearheadChanged";
        }
    }

    @Test
    void theAsyncApiDocumentDescribesEveryTopicTypeAndSchema() throws Exception {
        String asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String topic : RoadmapTopics.ALL) {
            assertThat(asyncApi).contains("address: " + topic);
        }
        for (EventType type : List.of(MilestoneStatusChanged.TYPE, SpearheadChanged.TYPE, IndicatorChanged.TYPE, IndicatorMeasured.TYPE,
                InitiativeChanged.TYPE)) {
            assertThat(asyncApi).contains("name: " + type.type()).contains("$ref: '" + type.dataSchema().getPath().substring(1) + "'");
            assertThat(getClass().getResource(type.dataSchema().getPath())).isNotNull();
        }
    }

    @Test
    void anUnknownTypeOrVersionIsRefusedNotGuessed() {
        CloudEvent v2 = CloudEventBuilder.v1(RoadmapEvents.milestoneStatusChanged(UUID.randomUUID(), change))
                .withType("nl.amsterdameconomicboard.roadmap.milestone.status-changed.v2").build();
        assertThatThrownBy(() -> RoadmapEvents.payload(v2)).isInstanceOf(UnreadableEventException.class).hasMessageContaining("v2");

        CloudEvent garbage = CloudEventBuilder.v1(RoadmapEvents.milestoneStatusChanged(UUID.randomUUID(), change))
                .withData("not json".getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> RoadmapEvents.payload(garbage)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void aPayloadWithoutAFieldItsSchemaRequiresIsRefusedNamingTheField() {
        String withoutDefinition = "{\"challenge\": \"circular\", \"spearhead\": \"heat\", \"indicator\": \"homes-on-residual-heat\", "
                + "\"change\": \"target-changed\", \"changedBy\": \"x\", \"changedAt\": \"2026-11-27T10:15:30Z\", \"revision\": 2}";
        CloudEvent event = RoadmapEvents.event(UUID.randomUUID(), RoadmapEvents.source("circular"), IndicatorChanged.TYPE,
                "circular/homes-on-residual-heat", Instant.parse("2026-11-27T10:15:30Z"), withoutDefinition);
        assertThatThrownBy(() -> RoadmapEvents.payload(event)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("required field 'definition'");
    }
}
