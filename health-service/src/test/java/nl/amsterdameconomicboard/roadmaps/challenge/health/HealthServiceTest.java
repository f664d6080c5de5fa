package nl.amsterdameconomicboard.roadmaps.challenge.health;

import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceContract;

/** The Health roadmap as the Board's document has it (spearheads in order; the 2017 milestones of its closing table). */
class HealthServiceTest extends ChallengeServiceContract {

    @Override
    protected String challenge() {
        return "health";
    }

    @Override
    protected List<String> spearheads() {
        return List.of("ecosystem", "infrastructure", "creativity-innovation");
    }

    @Override
    protected Map<String, String> milestones2017() {
        return Map.ofEntries(
                Map.entry("ecosystem-2017", "golden standard for 4P Health"),
                Map.entry("infrastructure-2017", "minimaal 25 leden"),
                Map.entry("creativity-innovation-2017", "AmsterdamHealth"));
    }
}
