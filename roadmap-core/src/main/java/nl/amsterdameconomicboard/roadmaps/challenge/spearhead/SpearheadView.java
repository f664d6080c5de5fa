package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/** A spearhead as the API shows it. */
public record SpearheadView(String code, int position, BilingualText title, BilingualText vision, BilingualText whatItIs,
                            BilingualText relevance, BilingualText boardRole, List<BilingualText> focusAreas, long revision) {

    public static SpearheadView of(Spearhead s) {
        return new SpearheadView(s.code(), s.position(), s.title(), s.vision(), s.whatItIs(), s.relevance(), s.boardRole(), s.focusAreas(),
                s.revision());
    }
}
