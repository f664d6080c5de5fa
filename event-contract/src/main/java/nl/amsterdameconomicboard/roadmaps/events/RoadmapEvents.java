package nl.amsterdameconomicboard.roadmaps.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and reads the CloudEvents of the roadmap. On Kafka they travel in binary mode
 * ({@code ce_*} headers, JSON payload as the value, the entity key as the record key), so any Kafka client can read them.
 */
public final class RoadmapEvents {

    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<EventType, Class<? extends RoadmapEvent>> TYPES = Map.of(
            MilestoneStatusChanged.TYPE, MilestoneStatusChanged.class,
            IndicatorMeasured.TYPE, IndicatorMeasured.class,
            IndicatorChanged.TYPE, IndicatorChanged.class,
            InitiativeChanged.TYPE, InitiativeChanged.class,
            SpearheadChanged.TYPE, SpearheadChanged.class);

    /** By CloudEvents type. */
    private static final Map<String, Class<? extends RoadmapEvent>> PAYLOADS = TYPES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(t -> t.getKey().type(), Map.Entry::getValue));

    /** The fields each type's schema requires, by CloudEvents type: read from the schemas, so that the two cannot disagree. */
    private static final Map<String, List<String>> REQUIRED = TYPES.keySet().stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, RoadmapEvents::required));

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

    /**
     * The typed payload of an event, or {@link UnreadableEventException} if this contract does not know its type, or the
     * payload does not parse or lacks a field its schema requires (an {@code indicator.changed} without its definition
     * could never be applied, however often it were tried).
     */
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
            JsonNode payload = JSON.readTree(event.getData().toBytes());
            for (String field : REQUIRED.get(event.getType())) {
                if (!payload.has(field)) {
                    throw new UnreadableEventException("Event " + event.getId() + " of type " + event.getType() + " lacks its required field '"
                            + field + "'");
                }
            }
            return JSON.treeToValue(payload, payloadType);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Event " + event.getId() + " does not match " + event.getType() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> required(EventType type) {
        try (InputStream schema = RoadmapEvents.class.getResourceAsStream(type.dataSchema().getPath())) {
            List<String> fields = new ArrayList<>();
            JSON.readTree(Objects.requireNonNull(schema, type.dataSchema().getPath())).path("required").forEach(f -> fields.add(f.asString()));
            return List.copyOf(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
