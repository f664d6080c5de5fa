package nl.amsterdameconomicboard.roadmaps.challenge.digital;

import java.util.Arrays;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.seed.SeedSpecifics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cross-over of digital's spearhead 'Meaningful data' with the other challenges (health first, then mobility
 * and circular), each linked to that challenge's own roadmap in the platform.
 */
@RestController
class CrossOverController {

    private final List<CrossOver> crossOvers;

    CrossOverController(SeedSpecifics specifics) {
        this.crossOvers = Arrays.asList(specifics.read("crossOvers", CrossOver[].class));
    }

    @GetMapping("/api/digital/cross-overs")
    List<CrossOverView> crossOvers() {
        return crossOvers.stream().map(c -> new CrossOverView("meaningful-data", c.challenge(), "/api/" + c.challenge(), c.focus(),
                c.description(), c.milestone2017(), c.primary())).toList();
    }

    /** As the seed has it. */
    record CrossOver(String challenge, BilingualText focus, BilingualText description, BilingualText milestone2017, boolean primary) {
    }

    /** @param primary the cross-over the 2017 milestone is about (health) */
    record CrossOverView(String spearhead, String challenge, String challengeApi, BilingualText focus, BilingualText description,
                         BilingualText milestone2017, boolean primary) {
    }
}
