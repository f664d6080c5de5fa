package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import nl.amsterdameconomicboard.roadmaps.challenge.seed.SeedSpecifics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** What the roadmap document says of this challenge alone (key figures, scale levels, …), as the document has it. */
@RestController
class ChallengeSpecificsController {

    private final SeedSpecifics specifics;

    ChallengeSpecificsController(SeedSpecifics specifics) {
        this.specifics = specifics;
    }

    @GetMapping("/api/${roadmap.challenge.code}/specifics")
    JsonNode specifics() {
        return specifics.all();
    }
}
