package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ChangeWriter;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Entries;
import nl.amsterdameconomicboard.roadmaps.challenge.change.PageOf;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.SnapshotSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The milestones of this challenge and the one way to change their status. */
@Service
public class Milestones implements SnapshotSource {

    static final String KIND = "Milestone";

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final ChangeWriter writer;
    private final Entries entries;
    private final Clock clock;

    Milestones(MongoTemplate mongo, ChallengeProperties challenge, ChangeWriter writer, Entries entries, Clock clock) {
        this.entries = entries;
        this.mongo = mongo;
        this.challenge = challenge;
        this.writer = writer;
        this.clock = clock;
    }

    /** The current status of every milestone, dated at its last change, with its current revision. */
    @Override
    public int announceAll(String by) {
        Author author = new Author(challenge.code(), by, clock.instant());
        return writer.announceAll(Milestone.class, m -> m.snapshot(author));
    }

    /** A milestone of the roadmap document, unless it is there already. */
    public boolean seed(String id, String spearhead, int position, BilingualText title, LocalDate deadline, Instant at) {
        return writer.insertIfAbsent(Milestone.planned(id, spearhead, position, title, deadline, Author.seed(challenge.code(), at))).isPresent();
    }

    public List<Milestone> all() {
        return mongo.find(new Query().with(Sort.by("position")), Milestone.class);
    }

    public PageOf<MilestoneView> list(String spearhead, int page, int size) {
        Query query = spearhead == null ? new Query() : Query.query(Criteria.where("spearhead").is(spearhead));
        LocalDate today = LocalDate.now(clock);
        return PageOf.read(mongo, query, Sort.by("position"), page, size, Milestone.class, m -> MilestoneView.of(m, today, latestChange(m)));
    }

    /** The latest status change: its note is what the team last said about the milestone (one entry, by its key). */
    public StatusChange latestChange(Milestone milestone) {
        return entries.latestHistoryEntry(milestone, StatusChange.class).orElse(null);
    }

    public Optional<Milestone> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Milestone.class));
    }

    /** Every status change with its note, the latest first. */
    public PageOf<StatusChange> history(Milestone milestone, int page, int size) {
        return entries.page(milestone, Entries.HISTORY, StatusChange.class, Entries.NEWEST_FIRST, page, size);
    }

    /** Moves the status changes that older versions kept inside the documents to the history collection. */
    public void moveEmbeddedLists() {
        writer.settleAll(Milestone.class);
        writer.moveEmbedded(Milestone.class, "statusChanges", List.of());
    }

    public Milestone changeStatus(String id, MilestoneStatus target, String note, String by, String organisation, boolean byAdmin,
                                  OptionalLong expectedRevision) {
        Author author = new Author(challenge.code(), by, clock.instant());
        return writer.apply(Milestone.class, KIND, id, expectedRevision,
                current -> current.changeStatus(target, note, organisation, byAdmin, author));
    }
}
