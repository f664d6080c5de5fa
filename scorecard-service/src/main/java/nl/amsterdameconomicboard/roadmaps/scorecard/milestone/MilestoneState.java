package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The scorecard's own copy of a milestone, built from its events only.
 *
 * @param key      {@code challenge/milestone}, the Kafka record key
 * @param revision of the newest event applied; older and repeated events are ignored
 */
@Document("milestone_states")
public record MilestoneState(
        @Id String key,
        @Indexed String challenge,
        String spearhead,
        String milestone,
        String titleNl,
        String titleEn,
        LocalDate deadline,
        String status,
        long revision,
        String lastEventId,
        Instant changedAt,
        Instant projectedAt) {

    public boolean isClosed() {
        return "ACHIEVED".equals(status) || "MISSED".equals(status);
    }

    public boolean isOverdue(LocalDate today) {
        return !isClosed() && deadline != null && deadline.isBefore(today);
    }
}
