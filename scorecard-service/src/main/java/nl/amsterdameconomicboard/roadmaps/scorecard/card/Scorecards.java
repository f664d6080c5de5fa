package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import nl.amsterdameconomicboard.roadmaps.scorecard.initiative.InitiativeState;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import nl.amsterdameconomicboard.roadmaps.scorecard.spearhead.RoadmapStructureProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.spearhead.SpearheadState;
import org.springframework.stereotype.Component;

/**
 * Builds scorecards from the states the events built: today's, or as they stood on a past day. Always computed anew;
 * {@link ScorecardCache} keeps them for the public reads.
 */
@Component
public class Scorecards {

    private final MilestoneProjection milestones;
    private final IndicatorProjection indicators;
    private final RoadmapStructureProjection structure;

    Scorecards(MilestoneProjection milestones, IndicatorProjection indicators, RoadmapStructureProjection structure) {
        this.milestones = milestones;
        this.indicators = indicators;
        this.structure = structure;
    }

    /** The scorecard as it stood at the end of {@code day}: only what was known by then counts. */
    public ChallengeScorecard of(String challenge, LocalDate day) {
        return on(challenge, List.of(day)).get(0);
    }

    /** The challenge's milestones as they stood at the end of {@code day}, each with the note of its last change. */
    public List<RoadmapItems.Milestone> milestones(String challenge, LocalDate day) {
        return milestones.ofChallenge(challenge).stream()
                .flatMap(m -> m.statusAt(day).stream().map(h -> new RoadmapItems.Milestone(challenge, m.spearhead(), m.milestone(),
                        m.titleNl(), m.titleEn(), m.deadline(), h.status(), h.note(), h.at())))
                .sorted(java.util.Comparator.comparing(RoadmapItems.Milestone::deadline, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(RoadmapItems.Milestone::milestone))
                .toList();
    }

    /** The challenge's initiatives as the scorecard knows them now (initiatives keep no dated history). */
    public List<RoadmapItems.Initiative> initiatives(String challenge) {
        return structure.initiativesOf(challenge).stream()
                .map(i -> new RoadmapItems.Initiative(challenge, i.spearhead(), i.initiative(), i.titleNl(), i.titleEn(), i.status()))
                .sorted(java.util.Comparator.comparing(RoadmapItems.Initiative::initiative)).toList();
    }

    /** One scorecard per quarter end from {@code from} to {@code to}, and {@code to} itself when it is no quarter end. */
    public List<ChallengeScorecard> quarterly(String challenge, LocalDate from, LocalDate to) {
        return on(challenge, quarterEnds(from, to));
    }

    /** The scorecards of these days, from one reading of the challenge's states (a series reads them once, not per day). */
    List<ChallengeScorecard> on(String challenge, List<LocalDate> days) {
        List<MilestoneState> allMilestones = milestones.ofChallenge(challenge);
        List<IndicatorState> allIndicators = indicators.ofChallenge(challenge);
        List<SpearheadState> spearheads = structure.spearheadsOf(challenge);
        List<InitiativeState> initiatives = structure.initiativesOf(challenge);
        return days.stream().map(day -> {
            List<MilestoneState> ms = allMilestones.stream().map(m -> m.asOf(day)).flatMap(Optional::stream).toList();
            List<IndicatorAssessment> is = allIndicators.stream().map(i -> i.asOf(day)).flatMap(Optional::stream)
                    .map(IndicatorAssessment::of).toList();
            return ChallengeScorecard.of(challenge, ms, is, spearheads, initiatives, day);
        }).toList();
    }

    /** Every quarter end from {@code from} to {@code to}, then {@code to} itself when it is no quarter end. */
    static List<LocalDate> quarterEnds(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate quarterEnd = quarterEnd(from);
        while (!quarterEnd.isAfter(to)) {
            days.add(quarterEnd);
            quarterEnd = quarterEnd(quarterEnd.plusDays(1));
        }
        if (days.isEmpty() || !days.get(days.size() - 1).equals(to)) {
            days.add(to);
        }
        return days;
    }

    static LocalDate quarterEnd(LocalDate day) {
        int lastMonth = ((day.getMonthValue() - 1) / 3 + 1) * 3;
        return LocalDate.of(day.getYear(), lastMonth, 1).plusMonths(1).minusDays(1);
    }
}
