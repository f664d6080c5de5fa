package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/** The shape of {@code seed/roadmap.json}: one challenge of the Board's roadmap document, Dutch verbatim plus English. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RoadmapSeed(String code, BilingualText name, BilingualText ambition2025, BilingualText background,
                   List<SpearheadSeed> spearheads) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpearheadSeed(String code, BilingualText title, BilingualText vision, BilingualText whatItIs,
                         BilingualText relevance, BilingualText boardRole, List<BilingualText> focusAreas,
                         List<MilestoneSeed> milestones) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MilestoneSeed(String code, BilingualText title, LocalDate deadline) {
    }
}
