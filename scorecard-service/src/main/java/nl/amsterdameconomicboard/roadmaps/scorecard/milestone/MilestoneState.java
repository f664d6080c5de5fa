package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The scorecard's own copy of a milestone, built from its events only, with what it needs to show the milestone as
 * it stood at the end of any day.
 * <p>
 * That is not every status change: every as-of read of the scorecard asks for the end of a day, and at the end of a
 * day only the day's last change (its highest revision) can be the answer. So {@code days} keeps, per UTC day on which
 * the milestone changed, that day's last change (ISO date → change): one entry per day with a change,
 * however many changes the day had. A milestone changed a thousand times today is one entry, and a read costs what
 * the calendar says, not what the history says. The status on a day is then the day entry with the highest revision
 * up to that day, exactly what the whole history gives: the highest revision of each day's highest revisions is the
 * highest revision of them all. The whole history (every change, its author) stays with the challenge service, a
 * page at a time.
 *
 * @param key      {@code challenge/milestone}, the Kafka record key
 * @param revision of the newest event applied; older and repeated events are ignored
 * @param days     each UTC day with a change (ISO date) → the change of the highest revision that day
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
        Map<String, StatusAt> days) {

    public MilestoneState {
        days = days == null ? Map.of() : days;
    }

    /** The status a milestone had from {@code at} on, with the team's note on the change (null on states stored before notes were kept). */
    public record StatusAt(long revision, String status, Instant at, String note) {
    }

    /** A milestone with its day entries made from a whole history (a repair reads the history from the service). */
    public static MilestoneState withHistory(String key, String challenge, String spearhead, String milestone, String titleNl, String titleEn,
                                             LocalDate deadline, String status, long revision, String lastEventId, Instant changedAt,
                                             List<StatusAt> history) {
        Map<String, StatusAt> days = new HashMap<>();
        for (StatusAt change : history) {
            if (change.at() != null) {
                days.merge(dayOf(change.at()), change, (kept, other) -> other.revision() > kept.revision() ? other : kept);
            }
        }
        return new MilestoneState(key, challenge, spearhead, milestone, titleNl, titleEn, deadline, status, revision, lastEventId, changedAt, days);
    }

    /** The key of the day of {@code at} in {@code days}. */
    public static String dayOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The last change of each day with a change, oldest revision first. */
    public List<StatusAt> history() {
        return days.values().stream().sorted(Comparator.comparingLong(StatusAt::revision)).toList();
    }

    /** The first day with a change; empty before any. */
    public Optional<LocalDate> firstDay() {
        return days.keySet().stream().min(Comparator.naturalOrder()).map(LocalDate::parse);
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
                        lastEventId, h.at(), days));
    }

    /** The last status change up to the end of {@code day} (UTC); empty if the milestone was not announced yet. */
    public Optional<StatusAt> statusAt(LocalDate day) {
        String last = day.toString(); // ISO dates sort as the days do (years 0000-9999)
        StatusAt latest = null;
        for (Map.Entry<String, StatusAt> entry : days.entrySet()) {
            if (entry.getKey().compareTo(last) <= 0 && (latest == null || entry.getValue().revision() > latest.revision())) {
                latest = entry.getValue();
            }
        }
        return Optional.ofNullable(latest);
    }
}
