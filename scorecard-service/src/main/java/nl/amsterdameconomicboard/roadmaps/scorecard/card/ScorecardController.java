package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardProperties;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Board's scorecards: public, computed from the milestone states the events built. */
@RestController
@RequestMapping("/api/scorecards")
class ScorecardController {

    private final ScorecardProperties properties;
    private final MilestoneProjection milestones;
    private final Clock clock;

    ScorecardController(ScorecardProperties properties, MilestoneProjection milestones, Clock clock) {
        this.properties = properties;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** The Board overview: every challenge, in the Board's order, even those without events yet. */
    @GetMapping
    BoardOverview overview() {
        LocalDate today = LocalDate.now(clock);
        return new BoardOverview(today, properties.challenges().stream().map(c -> scorecard(c, today)).toList());
    }

    @GetMapping("/{challenge}")
    ChallengeScorecard challenge(@PathVariable String challenge) {
        if (!properties.challenges().contains(challenge)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No challenge '" + challenge + "'; the Board's challenges are " + properties.challenges() + ".");
            problem.setType(URI.create("/problems/not-found"));
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return scorecard(challenge, LocalDate.now(clock));
    }

    private ChallengeScorecard scorecard(String challenge, LocalDate today) {
        return ChallengeScorecard.of(challenge, milestones.ofChallenge(challenge), today);
    }

    record BoardOverview(LocalDate asOf, List<ChallengeScorecard> challenges) {
    }
}
