package nl.amsterdameconomicboard.roadmaps.challenge.outbox;

import java.time.Instant;
import java.util.UUID;
import nl.amsterdameconomicboard.roadmaps.events.EventType;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;

/** Builds the pending event that a change stores beside itself. */
public final class PendingEvents {

    private PendingEvents() {
    }

    public static PendingEvent of(String topic, EventType type, String key, Instant at, Object payload) {
        return new PendingEvent(UUID.randomUUID().toString(), topic, type.name(), type.version(), key, at, RoadmapEvents.toJson(payload));
    }
}
