package nl.amsterdameconomicboard.roadmaps.scorecard.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorDefinition;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorMeasured;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ChallengeStates;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.GuardedUpsert;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Applies indicator events: definitions (announced, target changed) and measurements. */
@Component
public class IndicatorProjection {

    private final MongoTemplate mongo;
    private final GuardedUpsert upsert;
    private final ChallengeStates states;

    IndicatorProjection(MongoTemplate mongo, GuardedUpsert upsert, ChallengeStates states) {
        this.mongo = mongo;
        this.upsert = upsert;
        this.states = states;
    }

    public boolean apply(IndicatorChanged event) {
        Update update = definition(event.challenge(), event.spearhead(), event.indicator(), event.definition());
        if (event.measurements() != null) { // a snapshot: the whole series replaces what was known
            update.set("measurements", event.measurements().stream()
                    .map(m -> new IndicatorState.Point(m.date(), m.value(), event.revision())).toList());
        }
        update.setOnInsert("announcedAt", event.changedAt());
        return upsert.apply(event.key(), event.revision(), update, IndicatorState.class);
    }

    public boolean apply(IndicatorMeasured event) {
        Update update = definition(event.challenge(), event.spearhead(), event.indicator(), event.definition())
                .push("measurements", new IndicatorState.Point(event.date(), event.value(), event.revision(), event.source()));
        update.setOnInsert("announcedAt", event.recordedAt());
        return upsert.apply(event.key(), event.revision(), update, IndicatorState.class);
    }

    private static Update definition(String challenge, String spearhead, String indicator, IndicatorDefinition d) {
        return new Update().set("challenge", challenge).set("spearhead", spearhead).set("indicator", indicator)
                .set("nameNl", d.name() == null ? null : d.name().nl()).set("nameEn", d.name() == null ? null : d.name().en())
                .set("unit", d.unit()).set("baselineValue", d.baselineValue()).set("baselineDate", d.baselineDate())
                .set("target", d.target()).set("deadline", d.deadline()).set("direction", d.direction()).set("computed", d.computed());
    }

    /** The challenge's indicators as its service has them now, replacing what the events built; see {@link ChallengeStates}. */
    public long replace(String challenge, List<IndicatorState> indicators) {
        return states.replace(challenge, indicators, IndicatorState::key, IndicatorState.class);
    }

    public List<IndicatorState> ofChallenge(String challenge) {
        return mongo.find(query(where("challenge").is(challenge)), IndicatorState.class);
    }
}
