package nl.amsterdameconomicboard.roadmaps.scorecard.spearhead;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.events.InitiativeChanged;
import nl.amsterdameconomicboard.roadmaps.events.SpearheadChanged;
import nl.amsterdameconomicboard.roadmaps.scorecard.initiative.InitiativeState;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ChallengeStates;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.GuardedUpsert;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Applies spearhead and initiative events: the structure the scorecard hangs its numbers on. */
@Component
public class RoadmapStructureProjection {

    private final MongoTemplate mongo;
    private final GuardedUpsert upsert;
    private final ChallengeStates states;

    RoadmapStructureProjection(MongoTemplate mongo, GuardedUpsert upsert, ChallengeStates states) {
        this.mongo = mongo;
        this.upsert = upsert;
        this.states = states;
    }

    public boolean apply(SpearheadChanged event) {
        Update update = new Update().set("challenge", event.challenge()).set("spearhead", event.spearhead())
                .set("titleNl", event.title() == null ? null : event.title().nl())
                .set("titleEn", event.title() == null ? null : event.title().en())
                .set("position", event.position());
        return upsert.apply(event.key(), event.revision(), update, SpearheadState.class);
    }

    public boolean apply(InitiativeChanged event) {
        Update update = new Update().set("challenge", event.challenge()).set("spearhead", event.spearhead())
                .set("initiative", event.initiative()).set("titleNl", event.title() == null ? null : event.title().nl())
                .set("titleEn", event.title() == null ? null : event.title().en())
                .set("status", event.status()).set("partners", event.partners() == null ? 0 : event.partners().size());
        return upsert.apply(event.key(), event.revision(), update, InitiativeState.class);
    }

    /** The challenge's spearheads and initiatives as its service has them now; see {@link ChallengeStates}. */
    public long replace(String challenge, List<SpearheadState> spearheads, List<InitiativeState> initiatives) {
        return states.replace(challenge, spearheads, SpearheadState::key, SpearheadState.class)
                + states.replace(challenge, initiatives, InitiativeState::key, InitiativeState.class);
    }

    public List<SpearheadState> spearheadsOf(String challenge) {
        return mongo.find(query(where("challenge").is(challenge)), SpearheadState.class);
    }

    public List<InitiativeState> initiativesOf(String challenge) {
        return mongo.find(query(where("challenge").is(challenge)), InitiativeState.class);
    }
}
