package nl.amsterdameconomicboard.roadmaps.challenge.talent;

import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceContract;

/** The Talent roadmap as the Board's document has it (spearheads in order; the 2017 milestones of its closing table). */
class TalentServiceTest extends ChallengeServiceContract {

    @Override
    protected String challenge() {
        return "talent";
    }

    @Override
    protected List<String> spearheads() {
        return List.of("future-of-work", "talent-to-work", "inclusive-labour-market", "lifelong-learning", "international-talent");
    }

    @Override
    protected Map<String, String> milestones2017() {
        return Map.ofEntries(
                Map.entry("future-of-work-2017", "twee experimenten"),
                Map.entry("talent-to-work-2017", "9000 mensen getraind"),
                Map.entry("inclusive-labour-market-2017", "eerste twee events"),
                Map.entry("lifelong-learning-2017", "scholingsfonds"),
                Map.entry("international-talent-2017", "internationale Tech-event"));
    }
}
