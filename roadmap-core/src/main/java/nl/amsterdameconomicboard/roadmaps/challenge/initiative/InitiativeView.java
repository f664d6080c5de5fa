package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/**
 * An initiative as the API shows it (its history and outgoing events stay inside): its latest progress updates
 * ({@code progress}, oldest first), how many there are and where to read them all, a page at a time.
 */
public record InitiativeView(String id, String spearhead, BilingualText title, BilingualText description, LocalDate startDate,
                             LocalDate endDate, InitiativeStatus status, List<String> links, List<Partner> partners, List<String> tags,
                             List<ProgressUpdate> progress, long progressCount, String allProgress, long revision) {

    static InitiativeView of(Initiative i, String challenge) {
        return new InitiativeView(i.id(), i.spearhead(), i.title(), i.description(), i.startDate(), i.endDate(), i.status(), i.links(),
                i.partners(), i.tags(), i.recentProgress(), i.progressCount(), "/api/" + challenge + "/initiatives/" + i.id() + "/progress",
                i.revision());
    }
}
