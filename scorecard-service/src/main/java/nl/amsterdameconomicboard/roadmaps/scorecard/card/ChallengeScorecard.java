package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;

/** A challenge's scorecard: overall status with its reasons, milestones by status, and the same per spearhead. */
public record ChallengeScorecard(String challenge, LocalDate asOf, Status status, List<StatusRule.Reason> reasons,
                                 MilestoneCounts milestones, List<SpearheadScorecard> spearheads, Instant lastChangeAt) {

    public record SpearheadScorecard(String spearhead, Status status, List<StatusRule.Reason> reasons, MilestoneCounts milestones) {
    }

    public static ChallengeScorecard of(String challenge, Collection<MilestoneState> milestones, LocalDate today) {
        StatusRule.Assessment overall = StatusRule.assess(milestones, today);
        Map<String, List<MilestoneState>> bySpearhead = milestones.stream()
                .collect(Collectors.groupingBy(MilestoneState::spearhead, TreeMap::new, Collectors.toList()));
        List<SpearheadScorecard> spearheads = bySpearhead.entrySet().stream().map(e -> {
            StatusRule.Assessment a = StatusRule.assess(e.getValue(), today);
            return new SpearheadScorecard(e.getKey(), a.status(), a.reasons(), MilestoneCounts.of(e.getValue(), today));
        }).toList();
        Instant lastChange = milestones.stream().map(MilestoneState::changedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new ChallengeScorecard(challenge, today, overall.status(), overall.reasons(),
                MilestoneCounts.of(milestones, today), spearheads, lastChange);
    }
}
