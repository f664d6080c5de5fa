package nl.amsterdameconomicboard.roadmaps.scorecard.repair;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.spearhead.RoadmapStructureProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.stream.ScorecardStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Repairs a challenge's projections that a wrong event damaged (a forged or mistaken event with a high revision,
 * which the revision guard would otherwise keep forever): replaces them, revisions included, by what the challenge's
 * service has now, and tells open dashboards.
 * <p>
 * Events keep arriving meanwhile. One the repair overwrote is not lost: after storing, the repair reads the service's
 * revisions again and, if any moved, repeats; once they held still, every later change has a higher revision than
 * the repaired state and applies as usual.
 */
@Service
public class ProjectionRepair {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRepair.class);
    static final int ATTEMPTS = 5;

    private final ChallengeServices services;
    private final MilestoneProjection milestones;
    private final IndicatorProjection indicators;
    private final RoadmapStructureProjection structure;
    private final ScorecardStream stream;
    private final Clock clock;

    ProjectionRepair(ChallengeServices services, MilestoneProjection milestones, IndicatorProjection indicators,
                     RoadmapStructureProjection structure, ScorecardStream stream, Clock clock) {
        this.services = services;
        this.milestones = milestones;
        this.indicators = indicators;
        this.structure = structure;
        this.stream = stream;
        this.clock = clock;
    }

    /** What a rebuild replaced: how many states of each kind, and how many it removed (entities the service does not know). */
    public record Rebuilt(String challenge, String source, int milestones, int indicators, int spearheads, int initiatives, long removed,
                          String rebuiltBy, Instant rebuiltAt) {
    }

    Rebuilt rebuild(String challenge, String bearerToken, String by) {
        ChallengeService service = services.of(challenge, bearerToken);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ChallengeService.CurrentState state = service.read();
            long removed = milestones.replace(challenge, state.milestones(), state.milestoneHistories()) + indicators.replace(challenge, state.indicators())
                    + structure.replace(challenge, state.spearheads(), state.initiatives());
            Map<String, Long> after = service.revisions();
            if (after.equals(state.revisions())) {
                Rebuilt rebuilt = new Rebuilt(challenge, service.url(), state.milestones().size(), state.indicators().size(),
                        state.spearheads().size(), state.initiatives().size(), removed, by, clock.instant());
                log.warn("Scorecard projections of {} rebuilt from {} by {}: {}", challenge, service.url(), by, rebuilt);
                stream.changed(challenge, "scorecard.rebuilt", challenge);
                return rebuilt;
            }
            log.info("{} changed while its projections were rebuilt (attempt {}); reading it again", challenge, attempt);
        }
        throw new ChallengeKeepsChangingException(challenge, ATTEMPTS);
    }
}
