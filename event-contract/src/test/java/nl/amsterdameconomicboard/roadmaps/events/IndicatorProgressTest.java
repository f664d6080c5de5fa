package nl.amsterdameconomicboard.roadmaps.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndicatorProgressTest {

    @Test
    void theShareOfTheWayFromBaselineToTargetBoundedToZeroAndOne() {
        assertThat(IndicatorProgress.of(0.0, 20, 12)).isEqualTo(0.6);
        assertThat(IndicatorProgress.of(null, 9000, 3000)).isEqualTo(0.333);
        assertThat(IndicatorProgress.of(10.0, 20, 25)).isEqualTo(1.0);
        assertThat(IndicatorProgress.of(10.0, 20, 5)).isEqualTo(0.0);
    }

    @Test
    void downwardIndicatorsCountTheWayDownAndNoWayHasNoProgress() {
        assertThat(IndicatorProgress.of(100.0, 50, 75)).isEqualTo(0.5);
        assertThat(IndicatorProgress.of(50.0, 50, 75)).isNull();
    }
}
