package nl.amsterdameconomicboard.roadmaps.scorecard.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces the states of one challenge with states read from its service, revisions included: unlike an event, a
 * repair is not guarded by the revision, because the stored revision may be the damage (a forged or mistaken
 * revision 999999 would otherwise make every later real change look old).
 */
@Component
public class ChallengeStates {

    private final MongoTemplate mongo;
    private final ProjectionVersions versions;

    ChallengeStates(MongoTemplate mongo, ProjectionVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    /** @return how many states of the challenge were removed because its service does not know their entity */
    public <T> long replace(String challenge, List<T> states, Function<T, String> key, Class<T> type) {
        try {
            states.forEach(mongo::save);
            return mongo.remove(query(where("challenge").is(challenge).and("_id").nin(states.stream().map(key).toList())), type)
                    .getDeletedCount();
        } finally {
            versions.advance(challenge); // scorecards kept from the damaged states are not served again
        }
    }
}
