package nl.amsterdameconomicboard.roadmaps.scorecard.edition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.ChallengeScorecard;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.IndicatorAssessment;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.MilestoneCounts;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.RoadmapItems;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.Status;

/**
 * What changed from one edition to the next: statuses of challenges and spearheads, milestone counts, every
 * milestone whose status changed (with the team's note), indicator values (by name, with unit), and initiatives
 * added or closed.
 *
 * @param itemsCompared false when either edition was published before editions kept their milestones and
 *                      initiatives: then {@code milestoneChanges} and the initiative lists cannot be known and are empty
 */
public record EditionDiff(String edition, String previous, List<StatusChange> statuses, List<MilestonesChange> milestones,
                          List<IndicatorChange> indicators, boolean itemsCompared, List<MilestoneChange> milestoneChanges,
                          List<InitiativeChange> initiativesAdded, List<InitiativeChange> initiativesClosed) {

    /** @param spearhead null for the challenge as a whole */
    public record StatusChange(String challenge, String spearhead, Status from, Status to) {
    }

    public record MilestonesChange(String challenge, MilestoneCounts from, MilestoneCounts to) {
    }

    /** @param from the latest value in the previous edition, null if it had none */
    public record IndicatorChange(String challenge, String spearhead, String indicator, Double from, Double to, String nameNl,
                                  String nameEn, String unit) {
    }

    /**
     * A milestone whose status differs between the editions.
     *
     * @param from null for a milestone the previous edition did not have
     * @param note the team's note on the change that set {@code to}
     */
    public record MilestoneChange(String challenge, String spearhead, String milestone, String titleNl, String titleEn, String from,
                                  String to, String note, Instant changedAt) {
    }

    /** @param from the status in the previous edition, null for an initiative added since */
    public record InitiativeChange(String challenge, String spearhead, String initiative, String titleNl, String titleEn, String from,
                                   String to) {
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
            for (IndicatorAssessment i : allIndicators(now)) {
                if (i.latest() == null) {
                    continue;
                }
                Double old = valuesThen.get(i.indicator());
                if (!Objects.equals(old, i.latest().value())) {
                    indicators.add(new IndicatorChange(now.challenge(), i.spearhead(), i.indicator(), old, i.latest().value(), i.nameNl(),
                            i.nameEn(), i.unit()));
                }
            }
        }
        boolean comparable = current.milestones() != null && current.initiatives() != null
                && (previous == null || previous.milestones() != null && previous.initiatives() != null);
        List<MilestoneChange> milestoneChanges = new ArrayList<>();
        List<InitiativeChange> added = new ArrayList<>();
        List<InitiativeChange> closed = new ArrayList<>();
        if (comparable && previous != null) {
            Map<String, RoadmapItems.Milestone> milestonesThen = previous.milestones().stream()
                    .collect(Collectors.toMap(m -> m.challenge() + "/" + m.milestone(), Function.identity()));
            for (RoadmapItems.Milestone m : current.milestones()) {
                RoadmapItems.Milestone old = milestonesThen.get(m.challenge() + "/" + m.milestone());
                if (old == null || !Objects.equals(old.status(), m.status())) {
                    milestoneChanges.add(new MilestoneChange(m.challenge(), m.spearhead(), m.milestone(), m.titleNl(), m.titleEn(),
                            old == null ? null : old.status(), m.status(), m.note(), m.changedAt()));
                }
            }
            Map<String, RoadmapItems.Initiative> initiativesThen = previous.initiatives().stream()
                    .collect(Collectors.toMap(i -> i.challenge() + "/" + i.initiative(), Function.identity()));
            for (RoadmapItems.Initiative i : current.initiatives()) {
                RoadmapItems.Initiative old = initiativesThen.get(i.challenge() + "/" + i.initiative());
                InitiativeChange change = new InitiativeChange(i.challenge(), i.spearhead(), i.initiative(), i.titleNl(), i.titleEn(),
                        old == null ? null : old.status(), i.status());
                if (old == null) {
                    added.add(change);
                } else if (i.isClosed() && !old.isClosed()) {
                    closed.add(change);
                }
            }
        }
        return new EditionDiff(current.id(), previous == null ? null : previous.id(), statuses, milestones, indicators, comparable,
                milestoneChanges, added, closed);
    }

    private static Map<String, Double> latestValues(ChallengeScorecard card) {
        Map<String, Double> values = new java.util.TreeMap<>();
        allIndicators(card).stream().filter(i -> i.latest() != null).forEach(i -> values.put(i.indicator(), i.latest().value()));
        return values;
    }

    private static List<IndicatorAssessment> allIndicators(ChallengeScorecard card) {
        List<IndicatorAssessment> all = new ArrayList<>(card.indicators());
        card.spearheads().forEach(s -> all.addAll(s.indicators()));
        return all;
    }
}
