package nl.amsterdameconomicboard.roadmaps.scorecard.opendata;

import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.IndicatorAssessment;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;

/**
 * One indicator as open data: what it measures (name, unit, direction), where it started and should get to, the
 * figures the scorecard shows for it, and every measurement with its source.
 *
 * @param spearhead null for an indicator of the challenge as a whole
 */
public record OpenIndicator(String challenge, String spearhead, String indicator, String nameNl, String nameEn, String unit,
                            String direction, boolean computed, Double baselineValue, LocalDate baselineDate, double target,
                            LocalDate deadline, Double latestValue, LocalDate latestDate, Double progress, Double trendPerYear,
                            Double projectedValue, Boolean onCourse, boolean targetMet, List<OpenMeasurement> measurements) {

    /** A measurement: the value on a day and where it comes from (null where the platform only knows it from a snapshot). */
    public record OpenMeasurement(LocalDate date, double value, String source) {
    }

    /** The scorecard's assessment of an indicator with its definition and series; the figures are the scorecard's own. */
    static OpenIndicator of(String challenge, IndicatorAssessment a, Double baselineValue, LocalDate baselineDate,
                            List<IndicatorState.Point> series) {
        List<OpenMeasurement> measurements = series.stream()
                .sorted(java.util.Comparator.comparing(IndicatorState.Point::date).thenComparing(IndicatorState.Point::revision))
                .map(p -> new OpenMeasurement(p.date(), p.value(), p.source())).toList();
        return new OpenIndicator(challenge, a.spearhead(), a.indicator(), a.nameNl(), a.nameEn(), a.unit(), a.direction(), a.computed(),
                baselineValue, baselineDate, a.target(), a.deadline(), a.latest() == null ? null : a.latest().value(),
                a.latest() == null ? null : a.latest().date(), a.progress(), a.trendPerYear(), a.projectedValue(), a.onCourse(),
                a.targetMet(), measurements);
    }
}
