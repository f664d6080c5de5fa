package nl.amsterdameconomicboard.roadmaps.challenge.talent;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

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

    @Override
    protected Map<String, Double> indicatorTargets() {
        return Map.ofEntries(
                Map.entry("experiments-started", 2.0),
                Map.entry("people-trained-or-placed", 9000.0),
                Map.entry("diverse-talent-events", 2.0),
                Map.entry("training-fund-pilots", 1.0),
                Map.entry("international-tech-events", 1.0));
    }

    @Test
    void eachProgrammeShowsTheIndicatorItIsMeasuredBy() throws Exception {
        mvc.perform(get("/api/talent/programmes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[?(@.spearhead == 'talent-to-work')].indicator.target").value(9000.0))
                .andExpect(jsonPath("$[?(@.spearhead == 'talent-to-work')].programme.nl").value("Werk maken van Talent (RegioRegie)"));
    }
}
