package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import org.junit.jupiter.api.Test;

class IndicatorAssessmentTest {

    /** Homes on residual heat: 170,000 at the start of 2016, 400,000 by the end of 2025. */
    private static IndicatorState homes(String direction, double baseline, double target, IndicatorState.Point... points) {
        return new IndicatorState("circular/homes", "circular", "heat", "homes", "Woningen", "Homes", "homes", baseline,
                LocalDate.of(2016, 1, 1), target, LocalDate.of(2025, 12, 31), direction, false, points.length + 1, Instant.EPOCH, List.of(points));
    }

    private static IndicatorState.Point point(String date, double value) {
        return new IndicatorState.Point(LocalDate.parse(date), value, 2);
    }

    @Test
    void aSteadyRiseProjectsOnTheLineThroughBaselineAndMeasurements() {
        // 20,000 a year from 170,000: 370,000 by the end of 2025, short of 400,000
        IndicatorAssessment a = IndicatorAssessment.of(homes("UP", 170000, 400000,
                point("2017-01-01", 190000), point("2018-01-01", 210000), point("2019-01-01", 230000)));
        assertThat(a.latest().value()).isEqualTo(230000);
        assertThat(a.progress()).isEqualTo(0.261);                   // 60,000 of the 230,000 way
        assertThat(a.trendPerYear()).isBetween(19_950.0, 20_050.0);
        assertThat(a.projectedValue()).isBetween(369_000.0, 371_500.0);
        assertThat(a.onCourse()).isFalse();
        assertThat(a.targetMet()).isFalse();
    }

    @Test
    void aDownIndicatorIsOnCourseWhenItFallsFastEnough() {
        // CO2 from 100 to 60: falling 10 a year reaches about 0 by 2025
        IndicatorAssessment a = IndicatorAssessment.of(homes("DOWN", 100, 60, point("2017-01-01", 90), point("2018-01-01", 80)));
        assertThat(a.onCourse()).isTrue();
        assertThat(a.progress()).isEqualTo(0.5);
    }

    @Test
    void withoutTwoPointsThereIsNoTrendAndNoProjection() {
        IndicatorState onlyOne = new IndicatorState("k", "talent", "talent-to-work", "people", "Mensen", "People", "people", null, null, 9000,
                LocalDate.of(2017, 12, 31), "UP", false, 2, Instant.EPOCH, List.of(point("2017-06-30", 4000)));
        IndicatorAssessment a = IndicatorAssessment.of(onlyOne);
        assertThat(a.trendPerYear()).isNull();
        assertThat(a.projectedValue()).isNull();
        assertThat(a.onCourse()).isNull();
        assertThat(a.progress()).isEqualTo(0.444);
    }

    @Test
    void anIndicatorShortOfItsTargetAfterTheDeadlineTurnsTheCardRedAndOneProjectedShortTurnsItAmber() {
        IndicatorAssessment shortOfTarget = IndicatorAssessment.of(homes("UP", 170000, 400000, point("2017-01-01", 190000), point("2018-01-01", 210000)));
        StatusRule.Assessment before = StatusRule.assess(List.of(), List.of(shortOfTarget), LocalDate.of(2020, 1, 1));
        assertThat(before.status()).isEqualTo(Status.AMBER);
        assertThat(before.reasons()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("indicator");
            assertThat(r.why()).startsWith("projected ").endsWith("by 2025-12-31, target 400000");
        });

        StatusRule.Assessment after = StatusRule.assess(List.of(), List.of(shortOfTarget), LocalDate.of(2026, 1, 1));
        assertThat(after.status()).isEqualTo(Status.RED);
        assertThat(after.reasons().get(0).why()).isEqualTo("target 400000 by 2025-12-31 not reached: 210000");
    }

    @Test
    void quartersEndOnTheLastDayOfMarchJuneSeptemberAndDecember() {
        assertThat(Scorecards.quarterEnd(LocalDate.of(2026, 1, 15))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Scorecards.quarterEnd(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(Scorecards.quarterEnd(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 12, 31));
    }
}
