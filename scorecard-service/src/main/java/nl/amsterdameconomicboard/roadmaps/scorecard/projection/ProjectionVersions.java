package nl.amsterdameconomicboard.roadmaps.scorecard.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A number per challenge that moves on with every event applied to its states, so that what is computed from the
 * states (scorecards) can be kept until it moves: read it before reading the states, keep the result under it.
 * {@link GuardedUpsert} moves it after each write, so a result kept under the old number is never taken for current.
 */
@Component
public class ProjectionVersions {

    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    public long of(String challenge) {
        return versions.getOrDefault(challenge, 0L);
    }

    void advance(String challenge) {
        versions.merge(challenge, 1L, Long::sum);
    }
}
