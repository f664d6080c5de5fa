package nl.amsterdameconomicboard.roadmaps.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and reads the CloudEvents of the roadmap. On Kafka they travel in binary mode
 * ({@code ce_*} headers, JSON payload as the value, the entity key as the record key), so any Kafka client can read them.
 */
public final class RoadmapEvents {

    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Class<? extends RoadmapEvent>> PAYLOADS = Map.of(
            MilestoneStatusChanged.TYPE.type(), MilestoneStatusChanged.class,
            IndicatorMeasured.TYPE.type(), IndicatorMeasured.class,
            IndicatorChanged.TYPE.type(), IndicatorChanged.class,
            InitiativeChanged.TYPE.type(), InitiativeChanged.class,
            SpearheadChanged.TYPE.type(), SpearheadChanged.class);

    private RoadmapEvents() {
    }

    /** The CloudEvents {@code source} of a challenge service. */
    public static URI source(String challenge) {
        return URI.create("/services/" + challenge + "-service");
    }

    public static String toJson(Object payload) {
        return JSON.writeValueAsString(payload);
    }

    /** Rebuilds an event from what an outbox stored: its id, type, subject, time and JSON payload. */
    public static CloudEvent event(UUID id, URI source, EventType type, String subject, Instant time, String json) {
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type.type())
                .withDataSchema(type.dataSchema())
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withData(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }

    public static CloudEvent milestoneStatusChanged(UUID id, MilestoneStatusChanged change) {
        return event(id, source(change.challenge()), MilestoneStatusChanged.TYPE, change.key(), change.changedAt(), toJson(change));
    }

    /** The typed payload of an event, or {@link UnreadableEventException} if this contract does not know its type. */
    public static RoadmapEvent payload(CloudEvent event) {
        Objects.requireNonNull(event, "event");
        Class<? extends RoadmapEvent> payloadType = PAYLOADS.get(event.getType());
        if (payloadType == null) {
            throw new UnreadableEventException("Unknown event type or version: " + event.getType());
        }
        if (event.getData() == null) {
            throw new UnreadableEventException("Event " + event.getId() + " of type " + event.getType() + " has no data");
        }
        try {
            return JSON.readValue(event.getData().toBytes(), payloadType);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Event " + event.getId() + " does not match " + event.getType() + ": " + e.getOriginalMessage(), e);
        }
    }
}
