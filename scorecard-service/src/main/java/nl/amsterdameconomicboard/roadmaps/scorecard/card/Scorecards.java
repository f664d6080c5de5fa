package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import nl.amsterdameconomicboard.roadmaps.scorecard.spearhead.RoadmapStructureProjection;
import org.springframework.stereotype.Component;

/** Builds scorecards from the states the events built: today's, or as they stood on a past day. */
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
        List<MilestoneState> ms = milestones.ofChallenge(challenge).stream().map(m -> m.asOf(day)).flatMap(Optional::stream).toList();
        List<IndicatorAssessment> is = indicators.ofChallenge(challenge).stream().map(i -> i.asOf(day)).flatMap(Optional::stream)
                .map(IndicatorAssessment::of).toList();
        return ChallengeScorecard.of(challenge, ms, is, structure.spearheadsOf(challenge), structure.initiativesOf(challenge), day);
    }

    /** One scorecard per quarter end from {@code from} to {@code to}, and {@code to} itself when it is no quarter end. */
    public List<ChallengeScorecard> quarterly(String challenge, LocalDate from, LocalDate to) {
        List<ChallengeScorecard> series = new ArrayList<>();
        LocalDate quarterEnd = quarterEnd(from);
        while (!quarterEnd.isAfter(to)) {
            series.add(of(challenge, quarterEnd));
            quarterEnd = quarterEnd(quarterEnd.plusDays(1));
        }
        if (series.isEmpty() || !series.get(series.size() - 1).asOf().equals(to)) {
            series.add(of(challenge, to));
        }
        return series;
    }

    static LocalDate quarterEnd(LocalDate day) {
        int lastMonth = ((day.getMonthValue() - 1) / 3 + 1) * 3;
        return LocalDate.of(day.getYear(), lastMonth, 1).plusMonths(1).minusDays(1);
    }
}
