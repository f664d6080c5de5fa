package nl.amsterdameconomicboard.roadmaps.challenge.health;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

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

    @Override
    protected Map<String, Double> indicatorTargets() {
        return Map.ofEntries(
                Map.entry("extra-healthy-life-years", 2.0),
                Map.entry("extra-projects-attracted", 3.0),
                Map.entry("healthtech-alliance-members", 25.0),
                Map.entry("parties-doing-business-via-platform", 10.0));
    }

    @Test
    void theFourPProfileListsTheInitiativesThatCarryEachP() throws Exception {
        mvc.perform(post("/api/health/initiatives").header("Authorization", TestTokens.get().bearer("health-lead", "health-editor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": \"diabetes-prevention-app\", \"spearhead\": \"creativity-innovation\", "
                                + "\"title\": {\"nl\": \"Preventie-app diabetes\"}, \"status\": \"RUNNING\", \"tags\": [\"4p:preventive\", \"4p:personal\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/health/four-p"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("personal", "predictive", "preventive", "participatory")))
                .andExpect(jsonPath("$[?(@.code == 'preventive')].initiatives[0].id").value("diabetes-prevention-app"))
                .andExpect(jsonPath("$[?(@.code == 'predictive')].initiatives.length()").value(0));
    }

    @Test
    void theHealthTechAllianceMembersAreCountedFromTheAlliancesPartners() throws Exception {
        mvc.perform(put("/api/health/initiatives/healthtech-alliance")
                        .header("Authorization", TestTokens.get().bearer("health-lead", "health-editor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"spearhead\": \"infrastructure\", \"title\": {\"nl\": \"HealthTech-alliantie\"}, \"status\": \"RUNNING\", "
                                + "\"partners\": [{\"name\": \"Philips\", \"type\": \"BUSINESS\"}, {\"name\": \"Amsterdam UMC\", \"type\": \"KNOWLEDGE_INSTITUTION\"}, "
                                + "{\"name\": \"Castor EDC\", \"type\": \"BUSINESS\"}]}"))
                .andExpect(status().isOk());

        await().untilAsserted(() -> mvc.perform(get("/api/health/indicators/healthtech-alliance-members"))
                .andExpect(jsonPath("$.computed").value(true))
                .andExpect(jsonPath("$.latest.value").value(3))
                .andExpect(jsonPath("$.countedItems[*].title").value(org.hamcrest.Matchers.containsInAnyOrder("Philips", "Amsterdam UMC", "Castor EDC"))));
        mvc.perform(post("/api/health/indicators/healthtech-alliance-members/measurements")
                        .header("Authorization", TestTokens.get().bearer("health-lead", "health-editor"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\": \"2026-01-01\", \"value\": 40, \"source\": \"guess\"}"))
                .andExpect(status().isConflict());
    }
}
