package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import org.springframework.stereotype.Component;

/** New milestones from the roadmap document: PLANNED, and announced to the scorecard by their first event. */
@Component
public class MilestoneSeeding {

    public static final String SEED_AUTHOR = "roadmap-seed";

    private final ChallengeProperties challenge;

    MilestoneSeeding(ChallengeProperties challenge) {
        this.challenge = challenge;
    }

    public Milestone planned(String id, String spearhead, int position, BilingualText title, LocalDate deadline, Instant at) {
        StatusChange announced = new StatusChange(null, MilestoneStatus.PLANNED, "From the Board's roadmap document", SEED_AUTHOR, at, 1);
        Milestone draft = new Milestone(id, spearhead, position, title, deadline, MilestoneStatus.PLANNED, 1, at, List.of(announced), List.of());
        return new Milestone(id, spearhead, position, title, deadline, MilestoneStatus.PLANNED, 1, at, List.of(announced),
                List.of(MilestoneEvents.statusChanged(challenge.code(), draft, announced)));
    }
}
