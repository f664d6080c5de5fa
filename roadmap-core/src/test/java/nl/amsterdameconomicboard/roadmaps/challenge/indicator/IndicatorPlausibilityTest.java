package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.InvalidFieldException;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;
import org.junit.jupiter.api.Test;

/** Values that cannot be (a negative count, 130 percent) are refused; values that are hardly credible need confirming. */
class IndicatorPlausibilityTest {

    private static final Author LEAD = new Author("circular", "circular-lead", Instant.parse("2026-11-29T10:00:00Z"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @Test
    void theUnitSaysWhatIsMeasured() {
        assertThat(Quantity.of("homes")).isEqualTo(Quantity.COUNT);
        assertThat(Quantity.of("start-ups")).isEqualTo(Quantity.COUNT);
        assertThat(Quantity.of("percent")).isEqualTo(Quantity.PERCENTAGE);
        assertThat(Quantity.of("percent of total investments")).isEqualTo(Quantity.PERCENTAGE);
        assertThat(Quantity.of("percent per year")).isEqualTo(Quantity.RATE);
        assertThat(Quantity.of("megatonnes CO2 per year")).isEqualTo(Quantity.AMOUNT);
        assertThat(Quantity.of("euro (more than)")).isEqualTo(Quantity.AMOUNT);
    }

    @Test
    void aCountCannotBeNegative() {
        Indicator homes = indicator("homes", 170_000.0, 400_000);
        assertThatThrownBy(() -> homes.record(DAY, -5, "Warmtemonitor", null, true, LEAD))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("value"))
                .hasMessageContaining("a count cannot be negative");
    }

    @Test
    void aPercentageStaysWithinZeroAndAHundredEvenWhenConfirmed() {
        Indicator share = indicator("percent", 20.0, 50);
        assertThatThrownBy(() -> share.record(DAY, 101, "CBS", null, true, LEAD)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("from 0 to 100");
        assertThatThrownBy(() -> share.record(DAY, -0.5, "CBS", null, true, LEAD)).isInstanceOf(InvalidFieldException.class);
        assertThat(share.record(DAY, 100, "CBS", null, false, LEAD).state().latest().orElseThrow().value()).isEqualTo(100);
        assertThatThrownBy(() -> share.changeTarget(120, LocalDate.of(2030, 1, 1), "more", LEAD))
                .isInstanceOf(InvalidFieldException.class).satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("target"));
    }

    @Test
    void aYearlyChangeMayBeNegative() {
        Indicator growth = indicator("percent per year", 2.0, 5);
        assertThat(growth.record(DAY, -1.5, "CBS", null, false, LEAD).state().latest().orElseThrow().value()).isEqualTo(-1.5);
    }

    @Test
    void aValueFarOutsideTheHistoryAndTargetNeedsConfirmingAndIsThenRecordedAsConfirmed() {
        Indicator homes = indicator("homes", 170_000.0, 400_000);
        assertThatThrownBy(() -> homes.record(DAY, 1e12, "Warmtemonitor", null, false, LEAD))
                .isInstanceOf(ImplausibleValueException.class)
                .satisfies(e -> {
                    assertThat(((Refusal) e).field()).isEqualTo("value");
                    assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.UNCONFIRMED);
                })
                .hasMessageContaining("0 to 400000 homes").hasMessageContaining("confirmImplausible");
        assertThatThrownBy(() -> homes.record(DAY, 1_860_000, "Warmtemonitor", null, false, LEAD))
                .as("a zero too many").isInstanceOf(ImplausibleValueException.class);

        var confirmed = homes.record(DAY, 1_860_000, "Warmtemonitor", null, true, LEAD);
        assertThat(confirmed.state().latest().orElseThrow().value()).isEqualTo(1_860_000);
        assertThat(confirmed.historyEntry().detail()).contains("confirmed although far outside");
    }

    @Test
    void ordinaryValuesAroundTheRangeNeedNoConfirmation() {
        Indicator homes = indicator("homes", 170_000.0, 400_000);
        assertThat(homes.implausibleRange(186_000)).isEmpty();
        assertThat(homes.implausibleRange(150_000)).isEmpty(); // fell back below the baseline: news, not a typo
        assertThat(homes.implausibleRange(500_000)).isEmpty(); // beyond the target
        Indicator projects = indicator("projects", null, 20);
        assertThat(projects.implausibleRange(0)).isEmpty();
        assertThat(projects.implausibleRange(45)).isEmpty();
        assertThat(projects.implausibleRange(2000)).isPresent();
    }

    @Test
    void theRangeGrowsWithTheRecordedHistory() {
        Indicator jobs = indicator("jobs", null, 100);
        assertThat(jobs.implausibleRange(900)).isPresent();
        Indicator grown = jobs.record(DAY, 600, "CBS", null, true, LEAD).state();
        assertThat(grown.implausibleRange(900)).isEmpty();
    }

    private static Indicator indicator(String unit, Double baseline, double target) {
        return Indicator.announced("i", "heat", 0, new BilingualText("Indicator", "Indicator"), unit,
                baseline == null ? null : new Baseline(baseline, LocalDate.of(2016, 1, 1), null), target, LocalDate.of(2030, 1, 1),
                Direction.UP, null, null, null, Author.seed("circular", Instant.EPOCH)).state();
    }
}
