package nl.amsterdameconomicboard.roadmaps.challenge.mobility;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceContract;

/** The Mobility roadmap as the Board's document has it (spearheads in order; the 2017 milestones of its closing table). */
class MobilityServiceTest extends ChallengeServiceContract {

    @Override
    protected String challenge() {
        return "mobility";
    }

    @Override
    protected List<String> spearheads() {
        return List.of("maas", "urban-distribution", "cycling-next-level", "its-freight");
    }

    @Override
    protected Map<String, String> milestones2017() {
        return Map.ofEntries(
                Map.entry("maas-2017", "Maas-meetups"),
                Map.entry("urban-distribution-2017", "MRA-prijsvraag Bouwlogistiek"),
                Map.entry("cycling-next-level-2017", "actieplan voor regionale opschaling"),
                Map.entry("its-freight-2017", "ITS en goederenvervoer in de MRA"));
    }

    @Override
    protected Map<String, Double> indicatorTargets() {
        return Map.ofEntries(
                Map.entry("emission-free-urban-transport", 100.0),
                Map.entry("construction-logistics-propositions", 2.0));
    }

    @Test
    void theSpearheadStillBeingWorkedOutIsPartOfTheChallengesSpecifics() throws Exception {
        mvc.perform(get("/api/mobility/specifics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pendingSpearheads[0].nl").value(org.hamcrest.Matchers.containsString("wordt op dit moment uitgewerkt")));
    }

    @Test
    void aKeyFiguresUnitIsNamedInDutchAndEnglish() throws Exception {
        mvc.perform(get("/api/mobility/specifics"))
                .andExpect(jsonPath("$.keyFigures[0].unit").value("percent (more than)"))
                .andExpect(jsonPath("$.keyFigures[0].unitName.nl").value("procent (meer dan)"))
                .andExpect(jsonPath("$.keyFigures[0].unitName.en").value("percent (more than)"));
    }
}
