package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.history.HistoryEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A concrete initiative under a spearhead, run with partners.
 *
 * @param tags classifications a challenge interprets, e.g. {@code material-stream:textiles} (circular) or
 *             {@code 4p:preventive} (health); computed indicators count initiatives by tag
 */
@Document("initiatives")
public record Initiative(
        @Id String id,
        String spearhead,
        BilingualText title,
        BilingualText description,
        LocalDate startDate,
        LocalDate endDate,
        InitiativeStatus status,
        List<String> links,
        List<Partner> partners,
        List<String> tags,
        List<ProgressUpdate> progress,
        Instant createdAt,
        long revision,
        List<HistoryEntry> history,
        List<PendingEvent> pendingEvents) {

    public boolean hasPartner(String organisation) {
        return partners.stream().anyMatch(p -> p.is(organisation));
    }
}
