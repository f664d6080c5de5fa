package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.events.SnapshotSource;
import nl.amsterdameconomicboard.roadmaps.challenge.events.Snapshots;
import nl.amsterdameconomicboard.roadmaps.challenge.revision.RevisionedWrites;
import nl.amsterdameconomicboard.roadmaps.challenge.web.PageOf;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The milestones of this challenge and the one way to change their status. */
@Service
public class Milestones implements SnapshotSource {

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final RevisionedWrites writes;
    private final Snapshots snapshots;
    private final Clock clock;

    Milestones(MongoTemplate mongo, ChallengeProperties challenge, RevisionedWrites writes, Snapshots snapshots, Clock clock) {
        this.mongo = mongo;
        this.challenge = challenge;
        this.writes = writes;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** The current status of every milestone, dated at its last change, with its current revision. */
    @Override
    public int announceAll(String by) {
        return snapshots.announce(Milestone.class, Milestone::id, Milestone::revision, (m, revision) -> MilestoneEvents.statusChanged(
                challenge.code(), m, new StatusChange(null, m.status(), "snapshot", by, m.lastChangedAt(), revision)));
    }

    public List<Milestone> all() {
        return mongo.find(new Query().with(Sort.by("position")), Milestone.class);
    }

    public PageOf<MilestoneView> list(String spearhead, int page, int size) {
        Query query = spearhead == null ? new Query() : Query.query(Criteria.where("spearhead").is(spearhead));
        LocalDate today = LocalDate.now(clock);
        return PageOf.read(mongo, query, Sort.by("position"), page, size, Milestone.class, m -> MilestoneView.of(m, today));
    }

    public Optional<Milestone> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Milestone.class));
    }

    /** Changes the status: status, history entry and pending event in one write of the milestone document. */
    public Milestone changeStatus(String id, MilestoneStatus target, String note, String by, boolean byAdmin,
                                  OptionalLong expectedRevision) {
        return writes.apply(Milestone.class, "Milestone", id, expectedRevision, Milestone::revision, current -> {
            StatusChange change = current.changeStatus(target, note, by, byAdmin, clock.instant());
            return new Update()
                    .set("status", change.to())
                    .set("lastChangedAt", change.at())
                    .set("revision", change.revision())
                    .push("statusChanges", change)
                    .push("pendingEvents", MilestoneEvents.statusChanged(challenge.code(), current, change));
        });
    }
}
