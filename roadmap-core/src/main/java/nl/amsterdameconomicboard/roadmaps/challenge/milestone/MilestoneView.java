package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Instant;
import java.time.LocalDate;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/**
 * A milestone as the API shows it; {@code overdue} means the deadline passed while it is still open; {@code latestNote}
 * is what its team said with the latest status change, when and who (null when unknown).
 */
public record MilestoneView(String id, String spearhead, BilingualText title, LocalDate deadline,
                            MilestoneStatus status, boolean overdue, long revision, Instant lastChangedAt, LatestNote latestNote) {

    /** @param organisation the author's organisation when the token named one */
    public record LatestNote(String note, Instant at, String by, String organisation) {
    }

    public static MilestoneView of(Milestone milestone, LocalDate today) {
        return of(milestone, today, null);
    }

    public static MilestoneView of(Milestone milestone, LocalDate today, StatusChange latest) {
        return new MilestoneView(milestone.id(), milestone.spearhead(), milestone.title(), milestone.deadline(),
                milestone.status(), milestone.isOverdue(today), milestone.revision(), milestone.lastChangedAt(),
                latest == null ? null : new LatestNote(latest.note(), latest.at(), latest.by(), latest.organisation()));
    }
}
