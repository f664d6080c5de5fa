package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Aggregate;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Change;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dated milestone of a spearhead, e.g. "by end 2017, 20 heat projects have a business case". Its history is the
 * list of its status changes, in the {@code history} collection.
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
        List<PendingEvent> pendingEvents) implements Aggregate<StatusChange> {

    /** A milestone the roadmap document names: PLANNED, and announced to the scorecard by its first event. */
    static Change<Milestone, StatusChange> planned(String id, String spearhead, int position, BilingualText title, LocalDate deadline,
                                                   Author author) {
        Milestone milestone = new Milestone(id, spearhead, position, title, deadline, MilestoneStatus.PLANNED, 1, author.at(),
                List.of());
        return milestone.changed(new StatusChange(null, MilestoneStatus.PLANNED, "From the Board's roadmap document", author.by(),
                author.at(), 1), author);
    }

    public boolean isOverdue(LocalDate today) {
        return !status.isClosed() && deadline != null && deadline.isBefore(today);
    }

    /** Refused with {@link IllegalStatusChangeException} if the lifecycle forbids it; only an admin reopens. */
    Change<Milestone, StatusChange> changeStatus(MilestoneStatus target, String note, boolean byAdmin, Author author) {
        return changeStatus(target, note, null, byAdmin, author);
    }

    /** @param organisation the author's organisation, kept with the note (null when the token names none) */
    Change<Milestone, StatusChange> changeStatus(MilestoneStatus target, String note, String organisation, boolean byAdmin, Author author) {
        status.refusalOf(target, byAdmin).ifPresent(refusal -> {
            throw refusal;
        });
        long next = revision + 1;
        Milestone changed = new Milestone(id, spearhead, position, title, deadline, target, next, author.at(), pendingEvents);
        return changed.changed(new StatusChange(status, target, note, author.by(), author.at(), next, organisation), author);
    }

    /** Its current status as an event at its current revision, dated at its last change, for a scorecard to start from. */
    PendingEvent snapshot(Author author) {
        return MilestoneEvents.statusChanged(author.challenge(), this,
                new StatusChange(null, status, "snapshot", author.by(), lastChangedAt, revision));
    }

    private Change<Milestone, StatusChange> changed(StatusChange entry, Author author) {
        return new Change<>(this, entry, MilestoneEvents.statusChanged(author.challenge(), this, entry));
    }
}
