package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorProgress;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;

/**
 * How an indicator stands: its latest value, the share of the way from baseline to target it has come, its trend,
 * and whether its target will be met by the deadline, projected by {@value #PROJECTION_METHOD}.
 *
 * @param progress        0 to 1; null without a value
 * @param trendPerYear    change per year of the fitted line; null with fewer than two points
 * @param projectedValue  the fitted line's value at the deadline; null with fewer than two points
 * @param onCourse        whether the projected value reaches the target (direction-aware); null when unknown
 * @param targetMet       whether the latest value reaches the target
 */
public record IndicatorAssessment(String indicator, String spearhead, String nameNl, String nameEn, String unit, double target,
                                  LocalDate deadline, String direction, boolean computed, Latest latest, Double progress,
                                  Double trendPerYear, Double projectedValue, Boolean onCourse, boolean targetMet, String projectionMethod) {

    public static final String PROJECTION_METHOD = "a least-squares linear fit over the baseline and all measurements";

    public record Latest(LocalDate date, double value) {
    }

    public static IndicatorAssessment of(IndicatorState s) {
        Optional<IndicatorState.Point> latest = s.measurements().stream()
                .max(Comparator.comparing(IndicatorState.Point::date).thenComparing(IndicatorState.Point::revision));
        List<LinearFit.Point> points = new ArrayList<>();
        if (s.baselineValue() != null && s.baselineDate() != null) {
            points.add(new LinearFit.Point(s.baselineDate(), s.baselineValue()));
        }
        s.measurements().forEach(p -> points.add(new LinearFit.Point(p.date(), p.value())));
        Optional<LinearFit> fit = LinearFit.of(points);

        Double progress = latest.map(l -> IndicatorProgress.of(s.baselineValue(), s.target(), l.value())).orElse(null);
        Double projected = fit.map(f -> round(f.at(s.deadline()))).orElse(null);
        Boolean onCourse = projected == null ? null : reaches(s, projected);
        boolean met = latest.map(l -> reaches(s, l.value())).orElse(false);
        return new IndicatorAssessment(s.indicator(), s.spearhead(), s.nameNl(), s.nameEn(), s.unit(), s.target(), s.deadline(), s.direction(),
                s.computed(), latest.map(l -> new Latest(l.date(), l.value())).orElse(null), progress,
                fit.map(f -> round(f.perYear())).orElse(null), projected, onCourse, met, PROJECTION_METHOD);
    }

    public boolean deadlinePassed(LocalDate today) {
        return deadline != null && deadline.isBefore(today);
    }

    private static boolean reaches(IndicatorState s, double value) {
        return s.up() ? value >= s.target() : value <= s.target();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
