package nl.amsterdameconomicboard.roadmaps.challenge.talent;

import java.util.Arrays;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.IndicatorView;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Indicators;
import nl.amsterdameconomicboard.roadmaps.challenge.seed.SeedSpecifics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What talent's programmes must track (people trained or helped into a job, events held, experiments and pilots
 * started), each with the current state of the indicator that measures it.
 */
@RestController
class ProgrammeController {

    private final List<Programme> programmes;
    private final Indicators indicators;

    ProgrammeController(SeedSpecifics specifics, Indicators indicators) {
        this.programmes = Arrays.asList(specifics.read("tracking", Programme[].class));
        this.indicators = indicators;
    }

    @GetMapping("/api/talent/programmes")
    List<ProgrammeView> programmes() {
        return programmes.stream().map(p -> new ProgrammeView(p.spearhead(), p.programme(), p.tracks(),
                indicators.byId(p.indicator()).map(indicators::view).orElse(null))).toList();
    }

    /** As the seed has it; target and deadline are the indicator's own. */
    record Programme(String spearhead, BilingualText programme, BilingualText tracks, String indicator) {
    }

    record ProgrammeView(String spearhead, BilingualText programme, BilingualText tracks, IndicatorView indicator) {
    }
}
