package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The single milestones and initiatives behind a scorecard, as they stood on its day: what an edition freezes beside
 * the cards, so that it can say which milestone changed and why, and which initiatives began or ended.
 */
public final class RoadmapItems {

    private RoadmapItems() {
    }

    /** A milestone with its status on the day, and the team's note and time of the change that set it. */
    public record Milestone(String challenge, String spearhead, String milestone, String titleNl, String titleEn, LocalDate deadline,
                            String status, String note, Instant changedAt) {
    }

    /** An initiative with its status: PLANNED, RUNNING, COMPLETED or STOPPED. */
    public record Initiative(String challenge, String spearhead, String initiative, String titleNl, String titleEn, String status) {

        public boolean isClosed() {
            return "COMPLETED".equals(status) || "STOPPED".equals(status);
        }
    }
}
