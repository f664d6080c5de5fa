package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.scorecard.initiative.InitiativeState;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import nl.amsterdameconomicboard.roadmaps.scorecard.spearhead.SpearheadState;

/**
 * A challenge's scorecard: overall status with its reasons, milestones by status, the indicators of the whole
 * challenge, and the same per spearhead in the roadmap's order.
 *
 * @param indicators the indicators of the challenge as a whole (those of a spearhead are under the spearhead)
 */
public record ChallengeScorecard(String challenge, LocalDate asOf, Status status, List<StatusRule.Reason> reasons,
                                 MilestoneCounts milestones, List<IndicatorAssessment> indicators, Initiatives initiatives,
                                 List<SpearheadScorecard> spearheads, Instant lastChangeAt) {

    public record SpearheadScorecard(String spearhead, String titleNl, String titleEn, Status status, List<StatusRule.Reason> reasons,
                                     MilestoneCounts milestones, List<IndicatorAssessment> indicators, Initiatives initiatives) {
    }

    /** Initiatives known, and how many of them run. */
    public record Initiatives(int total, int running) {

        static Initiatives of(Collection<InitiativeState> initiatives) {
            return new Initiatives(initiatives.size(), (int) initiatives.stream().filter(i -> "RUNNING".equals(i.status())).count());
        }
    }

    public static ChallengeScorecard of(String challenge, Collection<MilestoneState> milestones, Collection<IndicatorAssessment> indicators,
                                        Collection<SpearheadState> spearheadStates, Collection<InitiativeState> initiatives, LocalDate today) {
        StatusRule.Assessment overall = StatusRule.assess(milestones, indicators, today);
        Map<String, SpearheadState> named = spearheadStates.stream().collect(Collectors.toMap(SpearheadState::spearhead, Function.identity()));
        Set<String> codes = new LinkedHashSet<>();
        spearheadStates.stream().sorted(Comparator.comparingInt(SpearheadState::position)).forEach(s -> codes.add(s.spearhead()));
        milestones.stream().map(MilestoneState::spearhead).filter(Objects::nonNull).sorted().forEach(codes::add);
        indicators.stream().map(IndicatorAssessment::spearhead).filter(Objects::nonNull).sorted().forEach(codes::add);

        List<SpearheadScorecard> spearheads = codes.stream().map(code -> {
            List<MilestoneState> ms = milestones.stream().filter(m -> code.equals(m.spearhead())).toList();
            List<IndicatorAssessment> is = indicators.stream().filter(i -> code.equals(i.spearhead())).toList();
            StatusRule.Assessment a = StatusRule.assess(ms, is, today);
            SpearheadState name = named.get(code);
            return new SpearheadScorecard(code, name == null ? null : name.titleNl(), name == null ? null : name.titleEn(), a.status(),
                    a.reasons(), MilestoneCounts.of(ms, today), is,
                    Initiatives.of(initiatives.stream().filter(i -> code.equals(i.spearhead())).toList()));
        }).toList();
        Instant lastChange = milestones.stream().map(MilestoneState::changedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new ChallengeScorecard(challenge, today, overall.status(), overall.reasons(), MilestoneCounts.of(milestones, today),
                indicators.stream().filter(i -> i.spearhead() == null).toList(), Initiatives.of(initiatives), spearheads, lastChange);
    }
}
