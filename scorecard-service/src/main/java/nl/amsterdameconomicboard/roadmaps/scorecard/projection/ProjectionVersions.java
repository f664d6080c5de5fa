package nl.amsterdameconomicboard.roadmaps.scorecard.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A number per challenge that moves on with every write to its states, so that what is computed from the states
 * (scorecards) can be kept until it moves: read it before reading the states, keep the result under it.
 * Every write to the states moves it after the write ({@link GuardedUpsert}, {@link ChallengeStates}, the milestones'
 * batches), so a result kept under the old number is never taken for current.
 * <p>
 * The numbers live in the store (with several scorecard replicas, another replica may have applied the event), and
 * this process knows them in memory, so that a read of a kept scorecard costs no query at all: a number this replica
 * moves is known at once (the move answers with it), and every replica looks at all the numbers, one query of a few
 * small documents, every {@code scorecard.cache.versions-poll} (100 ms; {@code SCORECARD_CACHE_VERSIONS_POLL}). A
 * replica therefore serves what another replica applied at most that long after it was applied, as its dashboards
 * are told of it at most {@code scorecard.stream.shared-changes-poll} after (the stream looks at the numbers again
 * before it tells them). A number known here never goes back: a look that started before a move must not undo it.
 */
@Component
public class ProjectionVersions {

    static final String COLLECTION = "projection_versions";

    private static final Logger log = LoggerFactory.getLogger(ProjectionVersions.class);

    private final MongoTemplate mongo;
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private volatile boolean looked;
    private volatile boolean storeWasUnavailable;

    ProjectionVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The challenge's number as this replica knows it (from the store on the very first call). */
    public long of(String challenge) {
        if (!looked) {
            look();
        }
        return known.getOrDefault(challenge, 0L);
    }

    /** Moves the challenge's number on, after a write to its states; the new number is known here at once. */
    public void advance(String challenge) {
        Document after = mongo.findAndModify(query(where("_id").is(challenge)), new Update().inc("version", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        learn(challenge, after);
    }

    /** Reads every challenge's number from the store: what the other replicas moved becomes known here. */
    public void look() {
        mongo.find(new Query(), Document.class, COLLECTION).forEach(version -> learn(version.getString("_id"), version));
        looked = true;
    }

    @Scheduled(fixedDelayString = "${scorecard.cache.versions-poll:100ms}")
    void poll() {
        try {
            look();
            if (storeWasUnavailable) {
                storeWasUnavailable = false;
                log.info("The scorecards' versions are read again");
            }
        } catch (DataAccessException storeUnavailable) {
            if (!storeWasUnavailable) { // the kept scorecards are served meanwhile; the next look catches up
                storeWasUnavailable = true; // once per outage, not every 100 ms
                log.warn("Cannot read the scorecards' versions: {}", storeUnavailable.getMessage());
            }
        }
    }

    private void learn(String challenge, Document version) {
        Number number = version == null ? null : version.get("version", Number.class);
        if (challenge != null && number != null) {
            known.merge(challenge, number.longValue(), Math::max);
        }
    }
}
