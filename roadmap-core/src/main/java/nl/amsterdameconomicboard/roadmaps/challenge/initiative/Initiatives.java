package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.TextInput;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ChangeWriter;
import nl.amsterdameconomicboard.roadmaps.challenge.change.EmbeddedList;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Entries;
import nl.amsterdameconomicboard.roadmaps.challenge.change.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.change.InvalidFieldException;
import nl.amsterdameconomicboard.roadmaps.challenge.change.PageOf;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.RegisterChanged;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.SnapshotSource;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.SpearheadRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The initiatives of this challenge, their partners and their progress. */
@Service
public class Initiatives implements SnapshotSource {

    static final String KIND = "Initiative";

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final ChangeWriter writer;
    private final Entries entries;
    private final SpearheadRepository spearheads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Initiatives(MongoTemplate mongo, ChallengeProperties challenge, ChangeWriter writer, Entries entries, SpearheadRepository spearheads,
                ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.mongo = mongo;
        this.challenge = challenge;
        this.writer = writer;
        this.spearheads = spearheads;
        this.events = events;
        this.clock = clock;
    }

    public PageOf<Initiative> list(String spearhead, String tag, int page, int size) {
        Query query = new Query();
        if (spearhead != null) {
            query.addCriteria(Criteria.where("spearhead").is(spearhead));
        }
        if (tag != null) {
            query.addCriteria(Criteria.where("tags").is(tag));
        }
        return PageOf.read(mongo, query, Sort.by("createdAt", "_id"), page, size, Initiative.class, i -> i);
    }

    /** The initiatives carrying a tag that are not stopped: what registers and specifics count. */
    public List<Initiative> activeTagged(String tag) {
        return mongo.find(Query.query(Criteria.where("tags").is(tag).and("status").ne(InitiativeStatus.STOPPED)), Initiative.class);
    }

    public Optional<Initiative> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Initiative.class));
    }

    /** Every progress update of the initiative, the latest first. */
    public PageOf<ProgressUpdate> progress(Initiative initiative, int page, int size) {
        return entries.page(initiative, Initiative.PROGRESS, ProgressUpdate.class, Entries.NEWEST_FIRST, page, size);
    }

    public PageOf<HistoryEntry> history(Initiative initiative, int page, int size) {
        return entries.page(initiative, Entries.HISTORY, HistoryEntry.class, Entries.NEWEST_FIRST, page, size);
    }

    /** Moves what older versions kept inside the documents (history, every progress update) to their collections. */
    public void moveEmbeddedLists() {
        writer.settleAll(Initiative.class);
        writer.moveEmbedded(Initiative.class, "history",
                List.of(new EmbeddedList("progress", Initiative.PROGRESS, "recentProgress", "progressCount", "at", List.of("at"))));
    }

    @Override
    public int announceAll(String by) {
        Author author = new Author(challenge.code(), by, clock.instant());
        return writer.announceAll(Initiative.class, i -> i.snapshot(author));
    }

    /** An initiative of the roadmap document, unless it is there already. */
    public boolean seed(String id, String spearhead, BilingualText title, BilingualText description, LocalDate startDate,
                        LocalDate endDate, InitiativeStatus status, List<String> links, List<Partner> partners,
                        List<String> tags, Instant at) {
        InitiativeDetails details = new InitiativeDetails(spearhead, title, description, startDate, endDate, status, links, partners, tags);
        return writer.insertIfAbsent(Initiative.announced(id, details, Author.seed(challenge.code(), at))).isPresent();
    }

    /** A new initiative, with its first history entry and the event announcing it, in one insert. */
    public Initiative create(InitiativeRequest request, String by) {
        if (request.id() == null) {
            throw new InvalidFieldException("id", "initiative.id.missing");
        }
        Initiative created = writer.insertIfAbsent(Initiative.created(request.id(), details(request), author(by)))
                .orElseThrow(() -> new InvalidFieldException("id", "initiative.id.taken", request.id()));
        events.publishEvent(new RegisterChanged());
        return created;
    }

    public Initiative update(String id, InitiativeRequest request, String by, OptionalLong expectedRevision) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidFieldException("id", "initiative.id.fixed", id);
        }
        InitiativeDetails details = details(request);
        Author author = author(by);
        Initiative updated = writer.apply(Initiative.class, KIND, id, expectedRevision, current -> current.update(details, author));
        events.publishEvent(new RegisterChanged());
        return updated;
    }

    /** A progress update: by a partner organisation of this initiative, or by the challenge team ({@code team}). */
    public Initiative reportProgress(String id, ProgressRequest request, String by, String organisation, boolean team) {
        Author author = author(by);
        return writer.apply(Initiative.class, KIND, id, OptionalLong.empty(),
                current -> current.reportProgress(request.text().strip(), organisation, team, author));
    }

    private InitiativeDetails details(InitiativeRequest r) {
        if (!spearheads.existsById(r.spearhead())) {
            throw new InvalidFieldException("spearhead", "initiative.spearhead.unknown", r.spearhead(), challenge.code());
        }
        return new InitiativeDetails(r.spearhead(), TextInput.toText(r.title()), TextInput.toText(r.description()), r.startDate(),
                r.endDate(), r.status(), r.links(), r.partners(), r.tags());
    }

    private Author author(String by) {
        return new Author(challenge.code(), by, clock.instant());
    }
}
