package nl.amsterdameconomicboard.roadmaps.gateway.challenge;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Board's challenges in overview order, for the dashboard: answered by the gateway itself, from the same registry
 * its routes come from, so the dashboard never lists a challenge the gateway cannot reach. Public, like every read.
 */
@RestController
class ChallengeListController {

    /** What the dashboard needs of a challenge; ports stay internal. */
    record ChallengeSummary(String code, Challenge.Name name, String colour, int position) {
    }

    private final List<ChallengeSummary> challenges;

    ChallengeListController(ChallengeRegistry registry) {
        this.challenges = registry.challenges().stream()
                .map(c -> new ChallengeSummary(c.code(), c.name(), c.colour(), c.position())).toList();
    }

    @GetMapping("/api/challenges")
    List<ChallengeSummary> challenges() {
        return challenges;
    }
}
