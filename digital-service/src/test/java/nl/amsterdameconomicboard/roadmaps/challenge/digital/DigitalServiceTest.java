package nl.amsterdameconomicboard.roadmaps.challenge.digital;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceContract;

/** The Digital roadmap as the Board's document has it (spearheads in order; the 2017 milestones of its closing table). */
class DigitalServiceTest extends ChallengeServiceContract {

    @Override
    protected String challenge() {
        return "digital";
    }

    @Override
    protected List<String> spearheads() {
        return List.of("datacenter-hub", "trust-in-digital-life", "meaningful-data");
    }

    @Override
    protected Map<String, String> milestones2017() {
        return Map.ofEntries(
                Map.entry("datacenter-hub-2017", "regionale visie op datacenters"),
                Map.entry("trust-in-digital-life-2017", "manifest van Amsterdam"),
                Map.entry("meaningful-data-2017", "data-infrastructuur"));
    }

    @Override
    protected Map<String, Double> indicatorTargets() {
        return Map.ofEntries(
                Map.entry("amsterdam-co2-emission-saving", 40.0));
    }

    @Test
    void meaningfulDataCrossesOverWithHealthFirstThenMobilityAndCircular() throws Exception {
        mvc.perform(get("/api/digital/cross-overs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].challenge").value(org.hamcrest.Matchers.contains("health", "mobility", "circular")))
                .andExpect(jsonPath("$[0].primary").value(true))
                .andExpect(jsonPath("$[0].challengeApi").value("/api/health"));
    }
}
