package nl.amsterdameconomicboard.roadmaps.challenge.circular;

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
}
