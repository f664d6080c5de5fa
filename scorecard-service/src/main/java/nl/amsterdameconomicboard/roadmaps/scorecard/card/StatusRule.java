package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;

/**
 * The one rule that colours the scorecard, for a spearhead and for a challenge alike:
 * <ul>
 * <li>RED if a milestone is MISSED or overdue (deadline passed, still open), or an indicator's deadline passed with
 * its target not reached;</li>
 * <li>otherwise AMBER if a milestone is AT_RISK, or an indicator is projected to miss its target by its deadline;</li>
 * <li>otherwise GREEN; NO_DATA without milestones and indicators.</li>
 * </ul>
 * The reasons name every milestone and indicator that set the colour.
 */
public final class StatusRule {

    private StatusRule() {
    }

    public static Assessment assess(Collection<MilestoneState> milestones, Collection<IndicatorAssessment> indicators, LocalDate today) {
        if (milestones.isEmpty() && indicators.isEmpty()) {
            return new Assessment(Status.NO_DATA, List.of());
        }
        List<Reason> red = new ArrayList<>();
        List<Reason> amber = new ArrayList<>();
        for (MilestoneState m : milestones.stream().sorted(Comparator.comparing(MilestoneState::key)).toList()) {
            if ("MISSED".equals(m.status())) {
                red.add(Reason.of(m, "missed", "missed"));
            } else if (m.isOverdue(today)) {
                red.add(Reason.of(m, "overdue", "overdue since " + m.deadline() + " (" + m.status() + ")"));
            } else if ("AT_RISK".equals(m.status())) {
                amber.add(Reason.of(m, "at-risk", "at risk"));
            }
        }
        for (IndicatorAssessment i : indicators.stream().sorted(Comparator.comparing(IndicatorAssessment::indicator)).toList()) {
            if (i.deadlinePassed(today) && i.latest() != null && !i.targetMet()) {
                red.add(Reason.of(i, "target-missed", "target " + number(i.target()) + " by " + i.deadline() + " not reached: "
                        + number(i.latest().value())));
            } else if (!i.deadlinePassed(today) && Boolean.FALSE.equals(i.onCourse())) {
                amber.add(Reason.of(i, "projected-short", "projected " + number(i.projectedValue()) + " by " + i.deadline() + ", target "
                        + number(i.target())));
            }
        }
        if (!red.isEmpty()) {
            return new Assessment(Status.RED, red);
        }
        return amber.isEmpty() ? new Assessment(Status.GREEN, List.of()) : new Assessment(Status.AMBER, amber);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    public record Assessment(Status status, List<Reason> reasons) {
    }

    /**
     * A milestone or indicator that made the colour, and why.
     *
     * @param reason the why as a code for translations: missed, overdue, at-risk, target-missed, projected-short
     * @param why    the same in an English sentence, with the figures
     */
    public record Reason(String kind, String spearhead, String id, String title, String titleNl, String titleEn, String reason,
                         String why) {

        static Reason of(MilestoneState m, String reason, String why) {
            return new Reason("milestone", m.spearhead(), m.milestone(), m.titleEn() != null ? m.titleEn() : m.titleNl(), m.titleNl(),
                    m.titleEn(), reason, why);
        }

        static Reason of(IndicatorAssessment i, String reason, String why) {
            return new Reason("indicator", i.spearhead(), i.indicator(), i.nameEn() != null ? i.nameEn() : i.nameNl(), i.nameNl(), i.nameEn(),
                    reason, why);
        }
    }
}
