package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;

/**
 * The one rule that colours the scorecard, for a spearhead and for a challenge alike:
 * RED if any milestone is MISSED or overdue (deadline passed, still open); otherwise AMBER if any is AT_RISK;
 * otherwise GREEN; NO_DATA without milestones. The reasons name every milestone that set the colour.
 */
public final class StatusRule {

    private StatusRule() {
    }

    public static Assessment assess(Collection<MilestoneState> milestones, LocalDate today) {
        if (milestones.isEmpty()) {
            return new Assessment(Status.NO_DATA, List.of());
        }
        List<MilestoneState> ordered = milestones.stream().sorted(Comparator.comparing(MilestoneState::key)).toList();
        List<Reason> red = new ArrayList<>();
        List<Reason> amber = new ArrayList<>();
        for (MilestoneState m : ordered) {
            if ("MISSED".equals(m.status())) {
                red.add(Reason.of(m, "missed"));
            } else if (m.isOverdue(today)) {
                red.add(Reason.of(m, "overdue since " + m.deadline() + " (" + m.status() + ")"));
            } else if ("AT_RISK".equals(m.status())) {
                amber.add(Reason.of(m, "at risk"));
            }
        }
        if (!red.isEmpty()) {
            return new Assessment(Status.RED, red);
        }
        return amber.isEmpty() ? new Assessment(Status.GREEN, List.of()) : new Assessment(Status.AMBER, amber);
    }

    public record Assessment(Status status, List<Reason> reasons) {
    }

    /** A milestone that made the colour, and why. */
    public record Reason(String spearhead, String milestone, String title, String why) {

        static Reason of(MilestoneState m, String why) {
            return new Reason(m.spearhead(), m.milestone(), m.titleEn() != null ? m.titleEn() : m.titleNl(), why);
        }
    }
}
