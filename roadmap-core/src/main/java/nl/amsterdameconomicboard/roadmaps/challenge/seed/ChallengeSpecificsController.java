package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Units;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the roadmap document says of this challenge alone (key figures, scale levels, …), as the document has it; each
 * key figure's unit also named in Dutch and English ({@code unitName}), as an indicator's is.
 */
@RestController
class ChallengeSpecificsController {

    private final SeedSpecifics specifics;

    ChallengeSpecificsController(SeedSpecifics specifics) {
        this.specifics = specifics;
    }

    @GetMapping("/api/${roadmap.challenge.code}/specifics")
    JsonNode specifics() {
        JsonNode all = specifics.all().deepCopy();
        for (JsonNode figure : all.path("keyFigures")) {
            if (figure instanceof ObjectNode named && figure.hasNonNull("unit")) {
                BilingualText unit = Units.name(figure.get("unit").asString());
                named.putObject("unitName").put("nl", unit.nl()).put("en", unit.en());
            }
        }
        return all;
    }
}
