package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.time.LocalDate;

/**
 * Something a challenge's editors should look at.
 *
 * @param kind   {@code milestone-overdue} (deadline passed, not achieved or missed), {@code milestone-due} (deadline within
 *               the coming {@link ReminderProperties#dueWithin()}), {@code indicator-stale} (no value for longer than
 *               {@link ReminderProperties#staleAfter()})
 * @param id     the milestone's or indicator's id in its challenge
 * @param date   the milestone's deadline; the indicator's latest measurement (or baseline) date, null if it has none
 * @param status the milestone's status; null for an indicator
 * @param days   days overdue, days until the deadline, or days since the indicator's latest value
 */
public record AttentionItem(String challenge, String kind, String id, String spearhead, String titleNl, String titleEn, LocalDate date,
                            String status, Long days) {

    static final String OVERDUE = "milestone-overdue";
    static final String DUE = "milestone-due";
    static final String STALE = "indicator-stale";
}
