package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.LocalDate;
import java.util.Collection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;

/**
 * Milestones by status. {@code overdue} counts open milestones whose deadline has passed (they are also counted
 * under their status); {@code achievedShare} is achieved / total, 0 when there are none.
 */
public record MilestoneCounts(int total, int planned, int onTrack, int atRisk, int achieved, int missed, int overdue,
                              double achievedShare) {

    public static MilestoneCounts of(Collection<MilestoneState> milestones, LocalDate today) {
        int planned = 0, onTrack = 0, atRisk = 0, achieved = 0, missed = 0, overdue = 0;
        for (MilestoneState m : milestones) {
            switch (m.status()) {
                case "PLANNED" -> planned++;
                case "ON_TRACK" -> onTrack++;
                case "AT_RISK" -> atRisk++;
                case "ACHIEVED" -> achieved++;
                case "MISSED" -> missed++;
                default -> { /* a status of a newer contract version: counted in total only */ }
            }
            if (m.isOverdue(today)) {
                overdue++;
            }
        }
        int total = milestones.size();
        double share = total == 0 ? 0 : Math.round(1000.0 * achieved / total) / 1000.0;
        return new MilestoneCounts(total, planned, onTrack, atRisk, achieved, missed, overdue, share);
    }
}
