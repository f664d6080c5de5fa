package nl.amsterdameconomicboard.roadmaps.challenge.health;

import java.util.Arrays;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.InitiativeStatus;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.Initiatives;
import nl.amsterdameconomicboard.roadmaps.challenge.seed.SeedSpecifics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health's 4P profile: personal, predictive, preventive, participatory, as the roadmap explains them, each with the
 * initiatives that carry it (tag {@code 4p:<code>}, e.g. {@code 4p:preventive}).
 */
@RestController
class FourPController {

    static final String TAG_PREFIX = "4p:";

    private final Initiatives initiatives;
    private final List<P> profile;

    FourPController(Initiatives initiatives, SeedSpecifics specifics) {
        this.initiatives = initiatives;
        this.profile = Arrays.asList(specifics.read("fourP", P[].class));
    }

    @GetMapping("/api/health/four-p")
    List<PView> fourP() {
        return profile.stream().map(p -> new PView(p.code(), p.name(), p.description(),
                initiatives.activeTagged(TAG_PREFIX + p.code()).stream().map(i -> new InitiativeRef(i.id(), i.title(), i.status())).toList())).toList();
    }

    /** One P as the seed has it. */
    record P(String code, BilingualText name, BilingualText description) {
    }

    record PView(String code, BilingualText name, BilingualText description, List<InitiativeRef> initiatives) {
    }

    record InitiativeRef(String id, BilingualText title, InitiativeStatus status) {
    }
}
