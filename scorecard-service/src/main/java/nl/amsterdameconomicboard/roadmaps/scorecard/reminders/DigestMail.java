package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of a digest: Dutch first (the Board's language), then English; plain text, so that every mail client shows
 * it as written. One section per challenge the person edits.
 */
final class DigestMail {

    private static final DateTimeFormatter DAY_NL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DigestMail() {
    }

    static String subject(int items) {
        return "Board Roadmaps: " + items + (items == 1 ? " punt vraagt" : " punten vragen") + " uw aandacht / "
                + items + (items == 1 ? " item needs" : " items need") + " your attention";
    }

    static String body(Editor editor, Map<String, List<AttentionItem>> byChallenge, LocalDate today, String dashboardUrl) {
        StringBuilder text = new StringBuilder();
        text.append("Beste ").append(editor.firstName() == null ? editor.username() : editor.firstName()).append(",\n\n");
        text.append("Dit vraagt uw aandacht in de roadmaps die u bewerkt (stand ").append(DAY_NL.format(today)).append("):\n");
        byChallenge.forEach((challenge, items) -> {
            text.append("\n== ").append(challenge).append(" ==\n");
            items.forEach(i -> text.append("- ").append(dutch(i)).append('\n'));
        });
        text.append("\nBijwerken: ").append(dashboardUrl).append('\n');
        text.append("\n---\n\n");
        text.append("This needs your attention in the roadmaps you edit (as of ").append(DAY_EN.format(today)).append("):\n");
        byChallenge.forEach((challenge, items) -> {
            text.append("\n== ").append(challenge).append(" ==\n");
            items.forEach(i -> text.append("- ").append(english(i)).append('\n'));
        });
        text.append("\nUpdate: ").append(dashboardUrl).append('\n');
        text.append("\nU ontvangt dit overzicht hoogstens eens per week / You get this digest at most once a week.\n");
        return text.toString();
    }

    /** The milestone statuses as the dashboard words them. */
    private static final Map<String, String> STATUS_NL = Map.of("PLANNED", "gepland", "ON_TRACK", "op koers", "AT_RISK", "risico",
            "ACHIEVED", "behaald", "MISSED", "niet behaald");
    private static final Map<String, String> STATUS_EN = Map.of("PLANNED", "planned", "ON_TRACK", "on track", "AT_RISK", "at risk",
            "ACHIEVED", "achieved", "MISSED", "missed");

    private static String dutch(AttentionItem i) {
        String title = i.titleNl() != null ? i.titleNl() : i.id();
        return switch (i.kind()) {
            case AttentionItem.OVERDUE -> "Mijlpaal over tijd: " + title + " (deadline " + DAY_NL.format(i.date()) + ", " + i.days()
                    + " dagen geleden; status " + STATUS_NL.getOrDefault(i.status(), i.status()) + ")";
            case AttentionItem.DUE -> "Mijlpaal binnenkort: " + title + " (deadline " + DAY_NL.format(i.date()) + ", over " + i.days()
                    + " dagen; status " + STATUS_NL.getOrDefault(i.status(), i.status()) + ")";
            default -> "Indicator zonder recente meting: " + title
                    + (i.date() == null ? " (nog geen waarde)" : " (laatste waarde " + DAY_NL.format(i.date()) + ", " + i.days() + " dagen geleden)");
        };
    }

    private static String english(AttentionItem i) {
        String title = i.titleEn() != null ? i.titleEn() : i.id();
        return switch (i.kind()) {
            case AttentionItem.OVERDUE -> "Milestone overdue: " + title + " (deadline " + DAY_EN.format(i.date()) + ", " + i.days()
                    + " days ago; status " + STATUS_EN.getOrDefault(i.status(), i.status()) + ")";
            case AttentionItem.DUE -> "Milestone due soon: " + title + " (deadline " + DAY_EN.format(i.date()) + ", in " + i.days()
                    + " days; status " + STATUS_EN.getOrDefault(i.status(), i.status()) + ")";
            default -> "Indicator without a recent value: " + title
                    + (i.date() == null ? " (no value yet)" : " (latest value " + DAY_EN.format(i.date()) + ", " + i.days() + " days ago)");
        };
    }
}
