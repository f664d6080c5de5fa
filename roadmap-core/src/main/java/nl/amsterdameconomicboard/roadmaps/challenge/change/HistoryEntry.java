package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of an entity's change history (audit): who did what, when. Stored in the {@code history} collection.
 *
 * @param action what was done, a fixed word a reader can name in its own language ({@code changed}, {@code target changed} …)
 * @param detail the English sentence for API clients and logs (a progress update's text as its author wrote it)
 * @param facts  what the detail says, as data, so that the dashboard words it in Dutch or English; null for entries
 *               written before it was kept and for those the action says all of
 */
public record HistoryEntry(Instant at, String by, String action, String detail, long revision, Facts facts) {

    public HistoryEntry(Instant at, String by, String action, String detail, long revision) {
        this(at, by, action, detail, revision, null);
    }

    /**
     * The data of an entry; each action fills what it has (see the factories), the rest stays null.
     *
     * @param fields       the fields an edit changed, by their API names ({@code title}, {@code status}, {@code vision} …)
     * @param from         the status before (an initiative's), when the edit changed it
     * @param to           the status after
     * @param value        the value recorded, or the new target
     * @param previous     the target before
     * @param unit         the indicator's unit (its English name, as the API gives units)
     * @param date         the day of the value, the first day of an import, or the new deadline
     * @param previousDate the deadline before
     * @param until        the last day of an import
     * @param count        how many values an import added
     * @param confirmed    true when a value far outside the known range was recorded because the author confirmed it
     * @param note         why, as the author wrote it (a target's change)
     */
    public record Facts(List<String> fields, String from, String to, Double value, Double previous, String unit, LocalDate date,
                        LocalDate previousDate, LocalDate until, Integer count, Boolean confirmed, String note) {

        /** An edit of these fields; {@code from} and {@code to} the status when it changed (else null). */
        public static Facts edited(List<String> fields, String from, String to) {
            return new Facts(List.copyOf(fields), from, to, null, null, null, null, null, null, null, null, null);
        }

        /** A value recorded for a day. */
        public static Facts measured(double value, String unit, LocalDate date, boolean confirmed) {
            return new Facts(null, null, null, value, null, unit, date, null, null, null, confirmed ? Boolean.TRUE : null, null);
        }

        /** Values imported at once, from the first day to the last. */
        public static Facts imported(int count, LocalDate first, LocalDate last) {
            return new Facts(null, null, null, null, null, null, first, null, last, count, null, null);
        }

        /** A target moved: from {@code previous} by {@code previousDate} to {@code value} by {@code date}. */
        public static Facts target(double previous, LocalDate previousDate, double value, LocalDate date, String unit, String note) {
            return new Facts(null, null, null, value, previous, unit, date, previousDate, null, null, null, note);
        }
    }
}
