package nl.amsterdameconomicboard.roadmaps.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A milestone's status changed, or a milestone was announced with its current status
 * ({@code previousStatus} is null then: the first event of a milestone).
 *
 * @param revision the milestone's revision after this change; it rises with every change, so a consumer
 *                 keeps the highest it has seen and ignores older or repeated events
 */
public record MilestoneStatusChanged(
        String challenge,
        String spearhead,
        String milestone,
        LocalizedText title,
        LocalDate deadline,
        String previousStatus,
        String status,
        String note,
        String changedBy,
        Instant changedAt,
        long revision) implements RoadmapEvent {

    public static final EventType TYPE = new EventType("milestone.status-changed", 1);

    @Override
    public EventType type() {
        return TYPE;
    }

    /** The Kafka record key: unique across challenges, the same for every event of this milestone. */
    @Override
    public String key() {
        return EntityKey.of(challenge, milestone);
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.on(this);
    }
}
