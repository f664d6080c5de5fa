package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ChallengeStates;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.GuardedUpsert;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Applies milestone events to the milestone states. */
@Component
public class MilestoneProjection {

    private final MongoTemplate mongo;
    private final GuardedUpsert upsert;
    private final ChallengeStates states;

    MilestoneProjection(MongoTemplate mongo, GuardedUpsert upsert, ChallengeStates states) {
        this.mongo = mongo;
        this.upsert = upsert;
        this.states = states;
    }

    public boolean apply(String eventId, MilestoneStatusChanged event) {
        Update update = new Update()
                .set("challenge", event.challenge())
                .set("spearhead", event.spearhead())
                .set("milestone", event.milestone())
                .set("titleNl", event.title() == null ? null : event.title().nl())
                .set("titleEn", event.title() == null ? null : event.title().en())
                .set("deadline", event.deadline())
                .set("status", event.status())
                .set("lastEventId", eventId)
                .set("changedAt", event.changedAt())
                .push("history", new MilestoneState.StatusAt(event.revision(), event.status(), event.changedAt(), event.note()));
        return upsert.apply(event.key(), event.revision(), update, MilestoneState.class);
    }

    /** The challenge's milestones as its service has them now, replacing what the events built; see {@link ChallengeStates}. */
    public long replace(String challenge, List<MilestoneState> milestones) {
        return states.replace(challenge, milestones, MilestoneState::key, MilestoneState.class);
    }

    public List<MilestoneState> ofChallenge(String challenge) {
        return mongo.find(query(where("challenge").is(challenge)), MilestoneState.class);
    }
}
