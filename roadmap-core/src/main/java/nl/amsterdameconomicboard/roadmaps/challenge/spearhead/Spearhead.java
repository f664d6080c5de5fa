package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.history.HistoryEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A spearhead of the challenge: where the Board puts its effort, with its long-range vision (vergezicht), what it
 * is, its relevance for the MRA and the Board's role.
 *
 * @param position order in the roadmap document
 */
@Document("spearheads")
public record Spearhead(
        @Id String code,
        int position,
        BilingualText title,
        BilingualText vision,
        BilingualText whatItIs,
        BilingualText relevance,
        BilingualText boardRole,
        List<BilingualText> focusAreas,
        long revision,
        List<HistoryEntry> history,
        List<PendingEvent> pendingEvents) {
}
