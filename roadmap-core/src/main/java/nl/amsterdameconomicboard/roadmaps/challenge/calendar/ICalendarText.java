package nl.amsterdameconomicboard.roadmaps.challenge.calendar;

import java.nio.charset.StandardCharsets;

/**
 * Writes iCalendar content lines as RFC 5545 wants them: CRLF at the end of every line, lines longer than 75 octets
 * folded (CRLF and a space) without splitting a UTF-8 character, and TEXT values escaped.
 */
final class ICalendarText {

    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is written as it is (dates, identifiers, fixed words). */
    ICalendarText line(String nameAndParameters, String value) {
        fold(nameAndParameters + ":" + value);
        return this;
    }

    /** A property with a TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
    ICalendarText text(String name, String value) {
        return line(name, escape(value));
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private void fold(String line) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
