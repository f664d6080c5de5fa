package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Instant;
import java.time.LocalDate;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/** A milestone as the API shows it; {@code overdue} means the deadline passed while it is still open. */
public record MilestoneView(String id, String spearhead, BilingualText title, LocalDate deadline,
                            MilestoneStatus status, boolean overdue, long revision, Instant lastChangedAt) {

    public static MilestoneView of(Milestone milestone, LocalDate today) {
        return new MilestoneView(milestone.id(), milestone.spearhead(), milestone.title(), milestone.deadline(),
                milestone.status(), milestone.isOverdue(today), milestone.revision(), milestone.lastChangedAt());
    }
}
