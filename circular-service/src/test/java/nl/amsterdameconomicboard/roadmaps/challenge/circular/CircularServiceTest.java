package nl.amsterdameconomicboard.roadmaps.challenge.circular;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceContract;

/** The Circular roadmap as the Board's document has it (spearheads in order; the 2017 milestones of its closing table). */
class CircularServiceTest extends ChallengeServiceContract {

    @Override
    protected String challenge() {
        return "circular";
    }

    @Override
    protected List<String> spearheads() {
        return List.of("raw-materials", "heat", "built-environment-energy-transition", "co2", "circular-entrepreneurship");
    }

    @Override
    protected Map<String, String> milestones2017() {
        return Map.ofEntries(
                Map.entry("raw-materials-2017", "10 % van de jaarlijkse inkoop- en aanbestedingscontracten"),
                Map.entry("heat-2017", "Voor 20 individuele warmte projecten zijn eind 2017 business cases ontwikkeld"),
                Map.entry("built-environment-energy-transition-2017", "minstens tien MRA-"),
                Map.entry("co2-2017", "overeenstemming bereikt tussen de CO2 coalitie"),
                Map.entry("circular-entrepreneurship-2017", "circulair startup-ecosysteem"));
    }

    @Override
    protected Map<String, Double> indicatorTargets() {
        return Map.ofEntries(
                Map.entry("extra-jobs-2025", 4000.0),
                Map.entry("innovation-clusters", 7.0),
                Map.entry("circular-procurement-share", 10.0),
                Map.entry("material-streams-with-initiatives", 9.0),
                Map.entry("homes-on-residual-heat", 400000.0),
                Map.entry("heat-projects-with-business-case", 20.0),
                Map.entry("municipalities-in-coalition", 10.0));
    }

    @Test
    void theNinePriorityMaterialStreamsAreServedWithTheInitiativesOnThem() throws Exception {
        mvc.perform(get("/api/circular/material-streams"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(9))
                .andExpect(jsonPath("$[0].name.nl").value("Bouw- en sloopmaterialen"))
                .andExpect(jsonPath("$[1].code").value("textiles"))
                .andExpect(jsonPath("$[8].code").value("metals"));

        mvc.perform(post("/api/circular/initiatives").header("Authorization", TestTokens.get().bearer("circular-lead", "circular-editor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": \"mattress-recycling-pilot\", \"spearhead\": \"raw-materials\", "
                                + "\"title\": {\"nl\": \"Matrasrecycling\"}, \"status\": \"RUNNING\", \"tags\": [\"material-stream:mattresses\"]}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/circular/material-streams/mattresses"))
                .andExpect(jsonPath("$.initiatives[0].id").value("mattress-recycling-pilot"));
        await().untilAsserted(() -> mvc.perform(get("/api/circular/indicators/material-streams-with-initiatives"))
                .andExpect(jsonPath("$.latest.value").value(1))
                .andExpect(jsonPath("$.countedItems[0].id").value("mattresses")));
        mvc.perform(get("/api/circular/material-streams/gold")).andExpect(status().isNotFound());
    }
}
