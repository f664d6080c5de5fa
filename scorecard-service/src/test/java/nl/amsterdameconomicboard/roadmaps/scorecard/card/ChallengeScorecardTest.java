package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import org.junit.jupiter.api.Test;

class ChallengeScorecardTest {

    private static final LocalDate TODAY = LocalDate.of(2017, 6, 1);

    @Test
    void countsMilestonesByStatusAndOverdueAndTheAchievedShare() {
        MilestoneCounts counts = MilestoneCounts.of(List.of(
                state("heat", "a", "PLANNED", "2017-12-31"),
                state("heat", "b", "ON_TRACK", "2017-01-31"),
                state("heat", "c", "AT_RISK", "2017-12-31"),
                state("co2", "d", "ACHIEVED", "2017-01-31"),
                state("co2", "e", "ACHIEVED", "2017-12-31"),
                state("co2", "f", "MISSED", "2016-12-31")), TODAY);
        assertThat(counts).isEqualTo(new MilestoneCounts(6, 1, 1, 1, 2, 1, 1, 0.333));
    }

    @Test
    void greenWhenNothingIsLateOrAtRisk() {
        var card = card(List.of(state("heat", "a", "ON_TRACK", "2017-12-31"),
                state("heat", "b", "ACHIEVED", "2017-01-01")), TODAY);
        assertThat(card.status()).isEqualTo(Status.GREEN);
        assertThat(card.reasons()).isEmpty();
    }

    @Test
    void amberNamesTheMilestonesAtRisk() {
        var card = card(List.of(state("heat", "a", "AT_RISK", "2017-12-31"),
                state("co2", "b", "ON_TRACK", "2017-12-31")), TODAY);
        assertThat(card.status()).isEqualTo(Status.AMBER);
        assertThat(card.reasons()).extracting(StatusRule.Reason::id, StatusRule.Reason::why).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "at risk"));
        assertThat(card.spearheads()).extracting(ChallengeScorecard.SpearheadScorecard::spearhead, ChallengeScorecard.SpearheadScorecard::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("co2", Status.GREEN), org.assertj.core.groups.Tuple.tuple("heat", Status.AMBER));
    }

    @Test
    void redForAMissedOrOverdueMilestoneEvenWhenOthersAreAtRisk() {
        var card = card(List.of(
                state("heat", "a", "AT_RISK", "2017-12-31"),
                state("heat", "b", "PLANNED", "2017-05-31"),
                state("co2", "c", "MISSED", "2017-12-31")), TODAY);
        assertThat(card.status()).isEqualTo(Status.RED);
        assertThat(card.reasons()).extracting(StatusRule.Reason::why)
                .containsExactly("overdue since 2017-05-31 (PLANNED)", "missed");
    }

    @Test
    void noDataBeforeTheFirstEvent() {
        var card = card(List.of(), TODAY);
        assertThat(card.status()).isEqualTo(Status.NO_DATA);
        assertThat(card.milestones().total()).isZero();
        assertThat(card.milestones().achievedShare()).isZero();
    }

    private static ChallengeScorecard card(List<MilestoneState> milestones, LocalDate today) {
        return ChallengeScorecard.of("circular", milestones, List.of(), List.of(), List.of(), today);
    }

    static MilestoneState state(String spearhead, String milestone, String status, String deadline) {
        return MilestoneState.withHistory("circular/" + milestone, "circular", spearhead, milestone, "nl " + milestone, "en " + milestone,
                LocalDate.parse(deadline), status, 1, "id", Instant.EPOCH,
                List.of(new MilestoneState.StatusAt(1, status, Instant.EPOCH, null)));
    }
}
