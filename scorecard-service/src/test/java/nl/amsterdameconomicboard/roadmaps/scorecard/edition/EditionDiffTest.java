package nl.amsterdameconomicboard.roadmaps.scorecard.edition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.ChallengeScorecard;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.RoadmapItems;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.IndicatorAssessment;
import org.junit.jupiter.api.Test;

/** An edition's "what changed" names every milestone that moved, indicators by name and unit, and initiatives begun or ended. */
class EditionDiffTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    @Test
    void everyMilestoneWhoseStatusChangedIsListedWithTheTeamsNote() {
        Edition before = edition("e1", List.of(milestone("heat-2017", "PLANNED", null), milestone("raw-2030", "ON_TRACK", "started")), List.of());
        Edition after = edition("e2", List.of(milestone("heat-2017", "AT_RISK", "Twaalf van de twintig business cases klaar"),
                milestone("raw-2030", "ON_TRACK", "started"), milestone("new-2028", "PLANNED", null)), List.of());

        EditionDiff diff = EditionDiff.between(before, after);

        assertThat(diff.itemsCompared()).isTrue();
        assertThat(diff.milestoneChanges()).extracting(EditionDiff.MilestoneChange::milestone).containsExactly("heat-2017", "new-2028");
        EditionDiff.MilestoneChange heat = diff.milestoneChanges().get(0);
        assertThat(heat.from()).isEqualTo("PLANNED");
        assertThat(heat.to()).isEqualTo("AT_RISK");
        assertThat(heat.note()).isEqualTo("Twaalf van de twintig business cases klaar");
        assertThat(heat.titleNl()).isEqualTo("Mijlpaal heat-2017");
        assertThat(diff.milestoneChanges().get(1).from()).as("not in the previous edition").isNull();
    }

    @Test
    void initiativesAddedOrClosedSinceThePreviousEditionAreListed() {
        Edition before = edition("e1", List.of(), List.of(initiative("lab", "RUNNING"), initiative("pilot", "RUNNING"), initiative("old", "STOPPED")));
        Edition after = edition("e2", List.of(), List.of(initiative("lab", "RUNNING"), initiative("pilot", "COMPLETED"),
                initiative("old", "STOPPED"), initiative("hub", "PLANNED")));

        EditionDiff diff = EditionDiff.between(before, after);

        assertThat(diff.initiativesAdded()).extracting(EditionDiff.InitiativeChange::initiative).containsExactly("hub");
        assertThat(diff.initiativesClosed()).extracting(EditionDiff.InitiativeChange::initiative).containsExactly("pilot");
        assertThat(diff.initiativesClosed().get(0).from()).isEqualTo("RUNNING");
        assertThat(diff.initiativesClosed().get(0).to()).isEqualTo("COMPLETED");
    }

    @Test
    void indicatorsAreNamedWithTheirUnit() {
        Edition before = edition("e1", List.of(), List.of(), card(null));
        Edition after = edition("e2", List.of(), List.of(), card(186_000.0));

        EditionDiff.IndicatorChange change = EditionDiff.between(before, after).indicators().get(0);

        assertThat(change.nameNl()).isEqualTo("Woningen op restwarmte");
        assertThat(change.nameEn()).isEqualTo("Homes on residual heat");
        assertThat(change.unit()).isEqualTo("homes");
        assertThat(change.from()).isNull();
        assertThat(change.to()).isEqualTo(186_000.0);
    }

    @Test
    void anEditionFromBeforeItemsWereKeptSaysItsMilestonesCannotBeCompared() {
        Edition old = new Edition("e0", "old", null, Instant.EPOCH, "board", DAY, List.of(), null, null);
        Edition after = edition("e2", List.of(milestone("heat-2017", "AT_RISK", "late")), List.of());

        EditionDiff diff = EditionDiff.between(old, after);

        assertThat(diff.itemsCompared()).isFalse();
        assertThat(diff.milestoneChanges()).isEmpty();
    }

    private static Edition edition(String id, List<RoadmapItems.Milestone> milestones, List<RoadmapItems.Initiative> initiatives) {
        return edition(id, milestones, initiatives, card(null));
    }

    private static Edition edition(String id, List<RoadmapItems.Milestone> milestones, List<RoadmapItems.Initiative> initiatives,
                                   ChallengeScorecard card) {
        return new Edition(id, id, null, Instant.parse("2026-11-29T10:00:00Z"), "board", DAY, List.of(card), milestones, initiatives);
    }

    private static ChallengeScorecard card(Double homes) {
        IndicatorState state = new IndicatorState("circular/homes", "circular", "heat", "homes", "Woningen op restwarmte",
                "Homes on residual heat", "homes", 170_000.0, LocalDate.of(2016, 1, 1), 400_000, LocalDate.of(2025, 12, 31), "UP", false, 1,
                Instant.EPOCH, homes == null ? List.of() : List.of(new IndicatorState.Point(LocalDate.of(2026, 10, 1), homes, 2)));
        return ChallengeScorecard.of("circular", List.of(), List.of(IndicatorAssessment.of(state)), List.of(), List.of(), DAY);
    }

    private static RoadmapItems.Milestone milestone(String id, String status, String note) {
        return new RoadmapItems.Milestone("circular", "heat", id, "Mijlpaal " + id, "Milestone " + id, LocalDate.of(2030, 1, 1), status, note,
                Instant.parse("2026-11-01T10:00:00Z"));
    }

    private static RoadmapItems.Initiative initiative(String id, String status) {
        return new RoadmapItems.Initiative("circular", "heat", id, "Initiatief " + id, "Initiative " + id, status);
    }
}
