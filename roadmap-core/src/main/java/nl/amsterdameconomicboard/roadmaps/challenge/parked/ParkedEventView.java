package nl.amsterdameconomicboard.roadmaps.challenge.parked;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A parked event as an admin sees it: which event of which entity, why Kafka refused it and since when, and where to
 * send it again. Not its payload, which may be large (that can be why it was refused).
 *
 * @param entity       the entity's collection and id, e.g. {@code indicators/homes-on-residual-heat}
 * @param payloadBytes the size of its data
 * @param retry        where an admin POSTs to send it again
 */
record ParkedEventView(String eventId, String type, Integer version, String topic, String key, String entity, Instant occurredAt,
                       Instant parkedAt, String reason, int payloadBytes, String retry) {

    static ParkedEventView of(Document parked, String challenge) {
        Document event = parked.get("event", Document.class);
        String payload = event.getString("payload");
        String eventId = String.valueOf(parked.get("_id"));
        return new ParkedEventView(eventId, event.getString("type"), event.getInteger("version"), event.getString("topic"),
                event.getString("key"), parked.getString("collection") + "/" + parked.get("entity"), instant(event.getDate("occurredAt")),
                instant(parked.getDate("parkedAt")), parked.getString("reason"),
                payload == null ? 0 : payload.getBytes(StandardCharsets.UTF_8).length,
                "/api/" + challenge + "/outbox/parked/" + eventId + "/retry");
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
