package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/**
 * An initiative as the API shows it (its history and outgoing events stay inside): its latest progress updates
 * ({@code progress}, oldest first), how many there are and where to read them all, a page at a time.
 */
public record InitiativeView(String id, String spearhead, BilingualText title, BilingualText description, LocalDate startDate,
                             LocalDate endDate, InitiativeStatus status, List<String> links, List<PartnerView> partners, List<String> tags,
                             List<ProgressUpdate> progress, long progressCount, String allProgress, long revision) {

    /** A partner as the API shows it: its kind as the code the API takes and in both languages ({@code typeLabel}). */
    public record PartnerView(String name, PartnerType type, BilingualText typeLabel) {

        static PartnerView of(Partner p) {
            return new PartnerView(p.name(), p.type(), p.type() == null ? null : p.type().label());
        }
    }

    static InitiativeView of(Initiative i, String challenge) {
        return new InitiativeView(i.id(), i.spearhead(), i.title(), i.description(), i.startDate(), i.endDate(), i.status(), i.links(),
                i.partners().stream().map(PartnerView::of).toList(), i.tags(), i.recentProgress(), i.progressCount(), "/api/" + challenge + "/initiatives/" + i.id() + "/progress",
                i.revision());
    }
}
