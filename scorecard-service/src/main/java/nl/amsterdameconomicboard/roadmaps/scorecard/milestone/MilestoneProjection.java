package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies milestone events to the milestone states. One conditional upsert per event, keyed by milestone and
 * guarded by revision: a repeated or older event matches nothing and changes nothing, so redelivery after a
 * restart or a replay from the start counts nothing twice.
 */
@Component
public class MilestoneProjection {

    private final MongoTemplate mongo;
    private final Clock clock;

    MilestoneProjection(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @return whether the event changed the state (false for a duplicate or an overtaken event) */
    public boolean apply(String eventId, MilestoneStatusChanged event) {
        Update update = new Update()
                .set("challenge", event.challenge())
                .set("spearhead", event.spearhead())
                .set("milestone", event.milestone())
                .set("titleNl", event.title() == null ? null : event.title().nl())
                .set("titleEn", event.title() == null ? null : event.title().en())
                .set("deadline", event.deadline())
                .set("status", event.status())
                .set("revision", event.revision())
                .set("lastEventId", eventId)
                .set("changedAt", event.changedAt())
                .set("projectedAt", clock.instant());
        try {
            UpdateResult result = mongo.upsert(
                    query(where("_id").is(event.key()).and("revision").lt(event.revision())), update, MilestoneState.class);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException newerAlreadyApplied) {
            return false; // the milestone exists with this or a higher revision
        }
    }

    public List<MilestoneState> ofChallenge(String challenge) {
        return mongo.find(query(where("challenge").is(challenge)), MilestoneState.class);
    }
}
