package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Aggregate;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Appended;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Change;
import nl.amsterdameconomicboard.roadmaps.challenge.change.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Recent;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A concrete initiative under a spearhead, run with partners.
 *
 * @param tags           classifications a challenge interprets, e.g. {@code material-stream:textiles} (circular) or
 *                       {@code 4p:preventive} (health); computed indicators count initiatives by tag
 * @param recentProgress the latest {@link Recent#KEPT} progress updates, oldest first; all of them are in {@value #PROGRESS}
 * @param progressCount  how many progress updates there are
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
        List<ProgressUpdate> recentProgress,
        long progressCount,
        Instant createdAt,
        long revision,
        List<PendingEvent> pendingEvents) implements Aggregate<HistoryEntry> {

    /** The collection of every progress update, keyed by initiative and revision. */
    static final String PROGRESS = "progress";

    public Initiative {
        recentProgress = recentProgress == null ? List.of() : recentProgress; // a document of an older version, until moved
    }

    /** An initiative the roadmap document names. */
    static Change<Initiative, HistoryEntry> announced(String id, InitiativeDetails details, Author author) {
        return first(id, details, "announced", "From the Board's roadmap document", author);
    }

    /** A new initiative the challenge team adds. */
    static Change<Initiative, HistoryEntry> created(String id, InitiativeDetails details, Author author) {
        return first(id, details, "created", null, author);
    }

    public boolean hasPartner(String organisation) {
        return partners.stream().anyMatch(p -> p.is(organisation));
    }

    InitiativeDetails details() {
        return new InitiativeDetails(spearhead, title, description, startDate, endDate, status, links, partners, tags);
    }

    Change<Initiative, HistoryEntry> update(InitiativeDetails details, Author author) {
        Initiative changed = with(details, recentProgress, progressCount, revision + 1);
        InitiativeDetails before = details();
        boolean statusChanged = before.status() != details.status();
        HistoryEntry.Facts facts = HistoryEntry.Facts.edited(details.changedFields(before),
                statusChanged && before.status() != null ? before.status().name() : null,
                statusChanged && details.status() != null ? details.status().name() : null);
        return new Change<>(changed, new HistoryEntry(author.at(), author.by(), "changed", details.differencesFrom(before), changed.revision, facts),
                InitiativeEvents.changed(changed, "changed", null, author));
    }

    /** Progress by a partner organisation of this initiative, or by the challenge team ({@code team}). */
    Change<Initiative, HistoryEntry> reportProgress(String text, String organisation, boolean team, Author author) {
        if (!team && !hasPartner(organisation)) {
            throw new NotAPartnerException(id, organisation);
        }
        ProgressUpdate update = new ProgressUpdate(UUID.randomUUID().toString(), author.at(), author.by(), organisation, text);
        Initiative changed = with(details(), Recent.with(recentProgress, update, Comparator.comparing(ProgressUpdate::at)), progressCount + 1,
                revision + 1);
        return new Change<>(changed, new HistoryEntry(author.at(), author.by(), "progress reported", text, changed.revision),
                InitiativeEvents.changed(changed, "progress", text, author), List.of(new Appended(PROGRESS, changed.revision, update)));
    }

    /** Its current state as an event at its current revision, for a scorecard to start from. */
    PendingEvent snapshot(Author author) {
        return InitiativeEvents.changed(this, "snapshot", null, author);
    }

    private static Change<Initiative, HistoryEntry> first(String id, InitiativeDetails details, String action, String detail, Author author) {
        InitiativeDetails d = details;
        Initiative initiative = new Initiative(id, d.spearhead(), d.title(), d.description(), d.startDate(), d.endDate(), d.status(),
                d.links(), d.partners(), d.tags(), List.of(), 0, author.at(), 1, List.of());
        return new Change<>(initiative, new HistoryEntry(author.at(), author.by(), action, detail, 1),
                InitiativeEvents.changed(initiative, action, null, author));
    }

    private Initiative with(InitiativeDetails d, List<ProgressUpdate> recent, long count, long revision) {
        return new Initiative(id, d.spearhead(), d.title(), d.description(), d.startDate(), d.endDate(), d.status(), d.links(), d.partners(),
                d.tags(), recent, count, createdAt, revision, pendingEvents);
    }
}
