package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;

/**
 * Each milestone of a challenge as it stood at the end of a day: what a dashboard shows on the milestone cards of a past
 * day, where today's roadmap would mislead.
 *
 * @param firstKnown the day of the challenge's first known state (the roadmap's publication for a seeded challenge);
 *                   null before any event; a day before it has no milestones
 */
public record MilestonesAsOf(String challenge, LocalDate asOf, LocalDate firstKnown, List<MilestoneAsOf> milestones) {

    /** @param since when the milestone got the status it had that day */
    public record MilestoneAsOf(String milestone, String spearhead, String status, Instant since, LocalDate deadline, boolean overdue) {
    }

    static MilestonesAsOf of(String challenge, List<MilestoneState> states, LocalDate day) {
        LocalDate firstKnown = states.stream().map(MilestoneState::firstDay).flatMap(Optional::stream)
                .min(Comparator.naturalOrder()).orElse(null);
        List<MilestoneAsOf> milestones = states.stream().map(m -> m.asOf(day)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(MilestoneState::milestone))
                .map(m -> new MilestoneAsOf(m.milestone(), m.spearhead(), m.status(), m.changedAt(), m.deadline(), m.isOverdue(day)))
                .toList();
        return new MilestonesAsOf(challenge, day, firstKnown, milestones);
    }
}
