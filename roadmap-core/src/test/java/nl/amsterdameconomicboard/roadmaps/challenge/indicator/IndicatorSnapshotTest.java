package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import org.junit.jupiter.api.Test;

/** A snapshot carries what the scorecard needs of a series of any length, and stays far below Kafka's record limit. */
class IndicatorSnapshotTest {

    private static final LocalDate FIRST = LocalDate.of(1990, 1, 1);

    @Test
    void aLongSeriesIsThinnedToEvenlySpreadValuesKeepingTheLatest() {
        List<Measurement> series = new ArrayList<>();
        for (int i = 0; i < 20_550; i++) { // the series that made a snapshot 1.1 MB
            series.add(measurement(FIRST.plusDays(i), i, i));
        }
        List<IndicatorChanged.Measurement> thinned = IndicatorEvents.thinned(series);

        assertThat(thinned).hasSizeBetween(IndicatorChanged.MAX_MEASUREMENTS - 1, IndicatorChanged.MAX_MEASUREMENTS);
        assertThat(thinned.get(thinned.size() - 1)).isEqualTo(new IndicatorChanged.Measurement(FIRST.plusDays(20_549), 20_549));
        assertThat(thinned).isSortedAccordingTo(Comparator.comparing(IndicatorChanged.Measurement::date));
        assertThat(thinned.get(0).date()).isBefore(FIRST.plusDays(42)); // spread over the whole span, not its end
    }

    @Test
    void aShortSeriesKeepsEveryDayWithItsLatestRecordedValue() {
        List<Measurement> series = List.of(measurement(FIRST, 1, 0), measurement(FIRST.plusDays(1), 2, 1),
                measurement(FIRST.plusDays(1), 3, 2), measurement(FIRST, 4, -1));

        assertThat(IndicatorEvents.thinned(series)).containsExactly(new IndicatorChanged.Measurement(FIRST, 1),
                new IndicatorChanged.Measurement(FIRST.plusDays(1), 3));
    }

    private static Measurement measurement(LocalDate date, double value, long recordedSecond) {
        return new Measurement("m" + value, date, value, "source", null, "lead", Instant.EPOCH.plusSeconds(recordedSecond));
    }
}
