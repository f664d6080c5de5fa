package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Baseline;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.ComputedFrom;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Direction;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.InitiativeStatus;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.Partner;

/**
 * The shape of {@code seed/roadmap.json}: one challenge of the Board's roadmap document, Dutch verbatim plus
 * English. {@code specifics} is read by the challenge service that owns them.
 *
 * @param publishedOn the document's date: what it brings in is dated then, so that the history of the roadmap (and a
 *                    scorecard as of any day since) starts where the roadmap does, not when the platform first ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RoadmapSeed(String code, LocalDate publishedOn, BilingualText name, BilingualText ambition2025, BilingualText background,
                   List<SpearheadSeed> spearheads, List<IndicatorSeed> indicators) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpearheadSeed(String code, BilingualText title, BilingualText vision, BilingualText whatItIs,
                         BilingualText relevance, BilingualText boardRole, List<BilingualText> focusAreas,
                         List<MilestoneSeed> milestones, List<IndicatorSeed> indicators, List<InitiativeSeed> initiatives) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MilestoneSeed(String code, BilingualText title, LocalDate deadline) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IndicatorSeed(String code, BilingualText name, String unit, Baseline baseline, double target, LocalDate deadline,
                         Direction direction, BilingualText source, String updateFrequency, ComputedFrom computedFrom) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InitiativeSeed(String code, BilingualText title, BilingualText description, LocalDate startDate, LocalDate endDate,
                          InitiativeStatus status, List<String> links, List<Partner> partners, List<String> tags) {
    }
}
