package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The scorecard's own copy of a milestone, built from its events only, with its status history so that the
 * scorecard can be shown as it stood on any day.
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
        List<StatusAt> history) {

    /** The status a milestone had from {@code at} on, with the team's note on the change (null on states stored before notes were kept). */
    public record StatusAt(long revision, String status, Instant at, String note) {
    }

    public boolean isClosed() {
        return "ACHIEVED".equals(status) || "MISSED".equals(status);
    }

    public boolean isOverdue(LocalDate today) {
        return !isClosed() && deadline != null && deadline.isBefore(today);
    }

    /** The milestone as it stood at the end of {@code day} (UTC); empty if it was not announced yet. */
    public Optional<MilestoneState> asOf(LocalDate day) {
        return statusAt(day).map(h -> new MilestoneState(key, challenge, spearhead, milestone, titleNl, titleEn, deadline, h.status(), h.revision(),
                        lastEventId, h.at(), history));
    }

    /** The last status change up to the end of {@code day} (UTC); empty if the milestone was not announced yet. */
    public Optional<StatusAt> statusAt(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return history.stream().filter(h -> h.at().isBefore(end)).reduce((first, second) -> second.revision() > first.revision() ? second : first);
    }
}
