package nl.amsterdameconomicboard.roadmaps.challenge.roadmap;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneView;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.Spearhead;

/** The challenge as the API shows it: its ambition and its spearheads, each with its milestones. */
record ChallengeView(String code, BilingualText name, BilingualText ambition2025, BilingualText background,
                     List<SpearheadRoadmap> spearheads) {

    record SpearheadRoadmap(String code, BilingualText title, BilingualText vision, BilingualText whatItIs,
                         BilingualText relevance, BilingualText boardRole, List<BilingualText> focusAreas,
                         List<MilestoneView> milestones) {

        static SpearheadRoadmap of(Spearhead s, List<MilestoneView> milestones) {
            return new SpearheadRoadmap(s.code(), s.title(), s.vision(), s.whatItIs(), s.relevance(), s.boardRole(),
                    s.focusAreas(), milestones);
        }
    }
}
