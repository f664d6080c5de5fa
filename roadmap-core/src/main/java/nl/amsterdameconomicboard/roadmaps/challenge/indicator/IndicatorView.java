package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/**
 * An indicator as the API shows it: its definition, its latest value, how far toward the target it has come
 * ({@code progress}, 0 to 1) and whether a new value is overdue ({@code stale}). A computed indicator lists the
 * register items it counts; {@code quantity} says what the unit measures (whole counts, percentages …);
 * {@code unitName} is the unit in Dutch and English.
 */
public record IndicatorView(String id, String spearhead, BilingualText name, String unit, Quantity quantity, Baseline baseline, double target,
                            LocalDate deadline, Direction direction, BilingualText source, String updateFrequency,
                            boolean computed, ComputedFrom computedFrom, Measurement latest, Double progress, boolean stale,
                            long measurementCount, long revision, List<IndicatorComputation.CountedItem> countedItems,
                            BilingualText unitName) {

    static IndicatorView of(Indicator i, LocalDate today, List<IndicatorComputation.CountedItem> countedItems) {
        return new IndicatorView(i.id(), i.spearhead(), i.name(), i.unit(), i.quantity(), i.baseline(), i.target(), i.deadline(), i.direction(),
                i.source(), i.updateFrequency(), i.isComputed(), i.computedFrom(), i.latest().orElse(null), i.progress().orElse(null),
                i.isStale(today), i.measurementCount(), i.revision(), countedItems, Units.name(i.unit()));
    }
}
