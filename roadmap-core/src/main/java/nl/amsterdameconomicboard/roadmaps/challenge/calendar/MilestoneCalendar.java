package nl.amsterdameconomicboard.roadmaps.challenge.calendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.Milestone;

/**
 * A challenge's milestone deadlines as an iCalendar (RFC 5545) that calendar applications subscribe to: one all-day
 * event per milestone on its deadline, in Dutch, the roadmap's language. The UID is the milestone's own id, so a
 * subscribed calendar updates an event instead of adding a second one; SEQUENCE and DTSTAMP follow its changes.
 */
final class MilestoneCalendar {

    static final String PRODID = "-//Amsterdam Economic Board//Board Roadmaps//NL";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private MilestoneCalendar() {
    }

    /**
     * @param challenge  the challenge's code (in UIDs and links)
     * @param name       the challenge's name
     * @param spearheads the spearheads' Dutch titles by code
     * @param published  when the feed was made: the DTSTAMP of a milestone that never changed
     */
    static String of(String challenge, BilingualText name, List<Milestone> milestones, Map<String, String> spearheads, Instant published) {
        String title = name == null || name.nl() == null ? challenge : name.nl();
        ICalendarText ics = new ICalendarText()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", PRODID)
                .line("CALSCALE", "GREGORIAN")
                .line("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Mijlpalen " + title)
                .text("X-WR-CALDESC", "Deadlines van de mijlpalen van de roadmap " + title + " (Amsterdam Economic Board)");
        for (Milestone m : milestones) {
            if (m.deadline() == null) {
                continue;
            }
            String spearhead = spearheads.getOrDefault(m.spearhead(), m.spearhead());
            String summary = m.title() != null && m.title().nl() != null ? m.title().nl() : m.id();
            ics.line("BEGIN", "VEVENT")
                    .line("UID", m.id() + "@" + challenge + ".roadmaps.amsterdameconomicboard.nl")
                    .line("DTSTAMP", UTC.format(m.lastChangedAt() == null ? published : m.lastChangedAt()))
                    .line("DTSTART;VALUE=DATE", DATE.format(m.deadline()))
                    .line("DTEND;VALUE=DATE", DATE.format(m.deadline().plusDays(1)))
                    .line("SEQUENCE", Long.toString(Math.max(0, m.revision() - 1)))
                    .text("SUMMARY", "Deadline: " + summary)
                    .text("DESCRIPTION", "Speerpunt: " + spearhead + "\nStatus: " + m.status().inDutch()
                            + "\nUitdaging: " + title)
                    .text("CATEGORIES", title)
                    .line("TRANSP", "TRANSPARENT")
                    .line("END", "VEVENT");
        }
        return ics.line("END", "VCALENDAR").toString();
    }
}
