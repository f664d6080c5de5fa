package nl.amsterdameconomicboard.roadmaps.scorecard.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.ChallengeScorecard;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.IndicatorAssessment;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.MilestoneCounts;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.Status;

/** What changed from one edition to the next: statuses of challenges and spearheads, milestone counts, indicator values. */
public record EditionDiff(String edition, String previous, List<StatusChange> statuses, List<MilestonesChange> milestones,
                          List<IndicatorChange> indicators) {

    /** @param spearhead null for the challenge as a whole */
    public record StatusChange(String challenge, String spearhead, Status from, Status to) {
    }

    public record MilestonesChange(String challenge, MilestoneCounts from, MilestoneCounts to) {
    }

    /** @param from the latest value in the previous edition, null if it had none */
    public record IndicatorChange(String challenge, String spearhead, String indicator, Double from, Double to) {
    }

    public static EditionDiff between(Edition previous, Edition current) {
        Map<String, ChallengeScorecard> before = previous == null ? Map.of()
                : previous.challenges().stream().collect(Collectors.toMap(ChallengeScorecard::challenge, Function.identity()));
        List<StatusChange> statuses = new ArrayList<>();
        List<MilestonesChange> milestones = new ArrayList<>();
        List<IndicatorChange> indicators = new ArrayList<>();
        for (ChallengeScorecard now : current.challenges()) {
            ChallengeScorecard then = before.get(now.challenge());
            if (then == null || then.status() != now.status()) {
                statuses.add(new StatusChange(now.challenge(), null, then == null ? null : then.status(), now.status()));
            }
            if (then == null || !then.milestones().equals(now.milestones())) {
                milestones.add(new MilestonesChange(now.challenge(), then == null ? null : then.milestones(), now.milestones()));
            }
            Map<String, ChallengeScorecard.SpearheadScorecard> spearheadsThen = then == null ? Map.of()
                    : then.spearheads().stream().collect(Collectors.toMap(ChallengeScorecard.SpearheadScorecard::spearhead, Function.identity()));
            for (ChallengeScorecard.SpearheadScorecard s : now.spearheads()) {
                ChallengeScorecard.SpearheadScorecard old = spearheadsThen.get(s.spearhead());
                if (old == null || old.status() != s.status()) {
                    statuses.add(new StatusChange(now.challenge(), s.spearhead(), old == null ? null : old.status(), s.status()));
                }
            }
            Map<String, Double> valuesThen = then == null ? Map.of() : latestValues(then);
            latestValues(now).forEach((indicator, value) -> {
                Double old = valuesThen.get(indicator);
                if (!Objects.equals(old, value)) {
                    indicators.add(new IndicatorChange(now.challenge(), spearheadOf(now, indicator), indicator, old, value));
                }
            });
        }
        return new EditionDiff(current.id(), previous == null ? null : previous.id(), statuses, milestones, indicators);
    }

    private static Map<String, Double> latestValues(ChallengeScorecard card) {
        Map<String, Double> values = new java.util.TreeMap<>();
        allIndicators(card).stream().filter(i -> i.latest() != null).forEach(i -> values.put(i.indicator(), i.latest().value()));
        return values;
    }

    private static String spearheadOf(ChallengeScorecard card, String indicator) {
        return allIndicators(card).stream().filter(i -> i.indicator().equals(indicator)).map(IndicatorAssessment::spearhead)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static List<IndicatorAssessment> allIndicators(ChallengeScorecard card) {
        List<IndicatorAssessment> all = new ArrayList<>(card.indicators());
        card.spearheads().forEach(s -> all.addAll(s.indicators()));
        return all;
    }
}
