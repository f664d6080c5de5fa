package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dated milestone of a spearhead, e.g. "by end 2017, 20 heat projects have a business case".
 * The document also holds the events of its changes that are not yet published ({@code pendingEvents}):
 * a change and its event are one single-document write, so neither is ever stored without the other.
 *
 * @param revision rises by one with every change; it is the milestone's ETag and the events' revision
 */
@Document("milestones")
public record Milestone(
        @Id String id,
        String spearhead,
        int position,
        BilingualText title,
        LocalDate deadline,
        MilestoneStatus status,
        long revision,
        Instant lastChangedAt,
        List<StatusChange> statusChanges,
        List<PendingEvent> pendingEvents) {

    public boolean isOverdue(LocalDate today) {
        return !status.isClosed() && deadline != null && deadline.isBefore(today);
    }

    /** The change this milestone would undergo; refused with {@link IllegalStatusChangeException} if the lifecycle forbids it. */
    public StatusChange changeStatus(MilestoneStatus target, String note, String by, boolean byAdmin, Instant at) {
        status.refusalOf(target, byAdmin).ifPresent(reason -> {
            throw new IllegalStatusChangeException(reason);
        });
        return new StatusChange(status, target, note, by, at, revision + 1);
    }
}
