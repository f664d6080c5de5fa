package nl.amsterdameconomicboard.roadmaps.challenge.outbox;

import java.time.Instant;
import nl.amsterdameconomicboard.roadmaps.events.EventType;

/**
 * An event stored in the document whose change it announces, until the {@link OutboxRelay} has published it.
 *
 * @param eventId the CloudEvents id, fixed at the change so that a republication is recognisable as a duplicate
 * @param key     the Kafka record key
 * @param payload the event data as JSON, exactly as it will be published
 */
public record PendingEvent(String eventId, String topic, String type, int version, String key, Instant occurredAt, String payload) {

    public EventType eventType() {
        return new EventType(type, version);
    }
}
