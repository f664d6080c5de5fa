package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One status change of a milestone as the scorecard received it: the whole history, one document per milestone and
 * revision, beside the state rather than in it (as the challenge services keep theirs), so that it may grow without
 * making any read of the state dearer. The scorecard's cards never read it ({@link MilestoneState#days()} answers
 * every as-of question); it is the record that every change arrived, once.
 *
 * @param id        {@code challenge/milestone/revision}: a redelivered event finds its change already there
 * @param key       {@code challenge/milestone}, the state's key
 * @param challenge not indexed: only a repair looks for a challenge's changes, and every event pays for an index
 */
@Document("milestone_changes")
public record MilestoneChange(@Id String id, @Indexed String key, String challenge, long revision, String status, Instant at,
                              String note) {

    static MilestoneChange of(String key, String challenge, MilestoneState.StatusAt change) {
        return new MilestoneChange(key + "/" + change.revision(), key, challenge, change.revision(), change.status(), change.at(), change.note());
    }
}
