package nl.amsterdameconomicboard.roadmaps.scorecard.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A number per challenge that moves on with every write to its states, so that what is computed from the states
 * (scorecards) can be kept until it moves: read it before reading the states, keep the result under it. It lives in
 * the store, not in this process: with several scorecard replicas, another replica may have applied the event.
 * {@link GuardedUpsert} and {@link ChallengeStates} move it after each write, so a result kept under the old number
 * is never taken for current.
 */
@Component
public class ProjectionVersions {

    static final String COLLECTION = "projection_versions";

    private final MongoTemplate mongo;

    ProjectionVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long of(String challenge) {
        Document version = mongo.findOne(query(where("_id").is(challenge)), Document.class, COLLECTION);
        return version == null ? 0L : version.get("version", Number.class).longValue();
    }

    void advance(String challenge) {
        mongo.upsert(query(where("_id").is(challenge)), new Update().inc("version", 1L), COLLECTION);
    }
}
