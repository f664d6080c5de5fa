package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import static nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneStatus.ACHIEVED;
import static nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneStatus.AT_RISK;
import static nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneStatus.MISSED;
import static nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneStatus.ON_TRACK;
import static nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneStatus.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Change;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MilestoneStatusTest {

    @ParameterizedTest(name = "{0} -> {1} by an editor: {2}")
    @CsvSource({
            "PLANNED, ON_TRACK, allowed",
            "PLANNED, AT_RISK, allowed",
            "PLANNED, ACHIEVED, refused",
            "PLANNED, MISSED, refused",
            "PLANNED, PLANNED, refused",
            "ON_TRACK, AT_RISK, allowed",
            "AT_RISK, ON_TRACK, allowed",
            "ON_TRACK, ACHIEVED, allowed",
            "ON_TRACK, MISSED, allowed",
            "AT_RISK, ACHIEVED, allowed",
            "AT_RISK, MISSED, allowed",
            "ON_TRACK, PLANNED, refused",
            "ACHIEVED, ON_TRACK, refused",
            "MISSED, AT_RISK, refused",
            "ACHIEVED, MISSED, refused",
    })
    void theLifecycleForEditors(MilestoneStatus from, MilestoneStatus to, String outcome) {
        assertThat(from.refusalOf(to, false).isEmpty()).isEqualTo(outcome.equals("allowed"));
    }

    @ParameterizedTest(name = "admin reopens {0} as {1}: {2}")
    @CsvSource({
            "ACHIEVED, ON_TRACK, allowed",
            "MISSED, AT_RISK, allowed",
            "ACHIEVED, MISSED, refused",
            "MISSED, PLANNED, refused",
    })
    void onlyAnAdminReopensAClosedMilestone(MilestoneStatus from, MilestoneStatus to, String outcome) {
        assertThat(from.refusalOf(to, true).isEmpty()).isEqualTo(outcome.equals("allowed"));
    }

    @Test
    void aRefusedChangeSaysWhyAndAnAllowedOneIsStateHistoryEntryAndEventAtTheNextRevision() {
        Milestone milestone = milestone(PLANNED, LocalDate.of(2017, 12, 31));
        Author lead = new Author("circular", "circular-lead", Instant.EPOCH);
        assertThatThrownBy(() -> milestone.changeStatus(ACHIEVED, "done", false, lead))
                .isInstanceOf(IllegalStatusChangeException.class)
                .hasMessageContaining("first ON_TRACK or AT_RISK");

        Change<Milestone, StatusChange> change = milestone.changeStatus(AT_RISK, "late", false, lead);
        assertThat(change.state().status()).isEqualTo(AT_RISK);
        assertThat(change.state().revision()).isEqualTo(8);
        assertThat(change.historyEntry()).isEqualTo(new StatusChange(PLANNED, AT_RISK, "late", "circular-lead", Instant.EPOCH, 8));
        assertThat(change.event().type()).isEqualTo(MilestoneStatusChanged.TYPE.name());
        assertThat(change.event().key()).isEqualTo("circular/heat-2017");
        assertThat(change.event().payload()).contains("\"status\":\"AT_RISK\"", "\"revision\":8", "\"challenge\":\"circular\"");
    }

    @Test
    void aSeededMilestoneIsPlannedAtRevisionOneAndAnnouncedBySeed() {
        Change<Milestone, StatusChange> planned = Milestone.planned("heat-2017", "heat", 0, new BilingualText("nl", "en"),
                LocalDate.of(2017, 12, 31), Author.seed("circular", Instant.EPOCH));
        assertThat(planned.state().status()).isEqualTo(PLANNED);
        assertThat(planned.state().revision()).isEqualTo(1);
        assertThat(planned.historyEntry().by()).isEqualTo(Author.ROADMAP_SEED);
        assertThat(planned.event().payload()).contains("\"status\":\"PLANNED\"", "\"revision\":1");
    }

    @Test
    void overdueMeansDeadlinePassedWhileStillOpen() {
        LocalDate today = LocalDate.of(2018, 1, 1);
        assertThat(milestone(PLANNED, LocalDate.of(2017, 12, 31)).isOverdue(today)).isTrue();
        assertThat(milestone(AT_RISK, LocalDate.of(2017, 12, 31)).isOverdue(today)).isTrue();
        assertThat(milestone(ACHIEVED, LocalDate.of(2017, 12, 31)).isOverdue(today)).isFalse();
        assertThat(milestone(MISSED, LocalDate.of(2017, 12, 31)).isOverdue(today)).isFalse();
        assertThat(milestone(PLANNED, LocalDate.of(2018, 1, 1)).isOverdue(today)).isFalse();
    }

    private static Milestone milestone(MilestoneStatus status, LocalDate deadline) {
        return new Milestone("heat-2017", "heat", 0, new BilingualText("nl", "en"), deadline, status, 7, Instant.EPOCH, List.of());
    }
}
