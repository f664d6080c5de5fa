package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Aggregate;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Change;
import nl.amsterdameconomicboard.roadmaps.challenge.change.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
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
        List<PendingEvent> pendingEvents) implements Aggregate<HistoryEntry> {

    /** The texts the challenge team keeps current. */
    record Texts(BilingualText title, BilingualText vision, BilingualText whatItIs, BilingualText relevance, BilingualText boardRole,
                 List<BilingualText> focusAreas) {

        Texts {
            focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
        }
    }

    /** A spearhead of the roadmap document, announced to the scorecard by its first event. */
    static Change<Spearhead, HistoryEntry> announced(String code, int position, Texts texts, Author author) {
        Spearhead spearhead = new Spearhead(code, position, texts.title(), texts.vision(), texts.whatItIs(), texts.relevance(),
                texts.boardRole(), texts.focusAreas(), 1, List.of());
        return new Change<>(spearhead, new HistoryEntry(author.at(), author.by(), "announced", "From the Board's roadmap document", 1),
                SpearheadEvents.changed(spearhead, "announced", author));
    }

    @Override
    public String id() {
        return code;
    }

    Change<Spearhead, HistoryEntry> change(Texts texts, Author author) {
        long next = revision + 1;
        Spearhead changed = new Spearhead(code, position, texts.title(), texts.vision(), texts.whatItIs(), texts.relevance(),
                texts.boardRole(), texts.focusAreas(), next, pendingEvents);
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(title, texts.title())) fields.add("title");
        if (!Objects.equals(vision, texts.vision())) fields.add("vision");
        if (!Objects.equals(whatItIs, texts.whatItIs())) fields.add("whatItIs");
        if (!Objects.equals(relevance, texts.relevance())) fields.add("relevance");
        if (!Objects.equals(boardRole, texts.boardRole())) fields.add("boardRole");
        if (!Objects.equals(focusAreas, texts.focusAreas())) fields.add("focusAreas");
        return new Change<>(changed, new HistoryEntry(author.at(), author.by(), "changed", "texts of the spearhead", next,
                        HistoryEntry.Facts.edited(fields, null, null)),
                SpearheadEvents.changed(changed, "changed", author));
    }

    /** Its current texts as an event at its current revision, for a scorecard to start from. */
    PendingEvent snapshot(Author author) {
        return SpearheadEvents.changed(this, "snapshot", author);
    }
}
