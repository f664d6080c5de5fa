package nl.amsterdameconomicboard.roadmaps.events;

/**
 * What an indicator's {@code progress} means wherever the platform shows it (a challenge service's indicator, the
 * scorecard): the share of the way from the baseline (or zero) to the target that a value has come, from 0 to 1,
 * rounded to 0.001. For indicators that go DOWN the way is downward, and the same formula holds.
 */
public final class IndicatorProgress {

    private IndicatorProgress() {
    }

    /** @return null when baseline and target coincide: there is no way to go */
    public static Double of(Double baselineValue, double target, double value) {
        double start = baselineValue == null ? 0 : baselineValue;
        double way = target - start;
        if (way == 0) {
            return null;
        }
        return Math.round(Math.max(0, Math.min(1, (value - start) / way)) * 1000) / 1000.0;
    }
}
