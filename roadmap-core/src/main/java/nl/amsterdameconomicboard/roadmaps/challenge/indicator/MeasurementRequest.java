package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code POST …/indicators/{id}/measurements}: the value on a day, and where it comes from;
 * {@code confirmImplausible} true records a value far outside the indicator's range that would otherwise be refused (422).
 */
public record MeasurementRequest(
        @NotNull(message = "{roadmap.measurement.date}") @PastOrPresent(message = "{roadmap.measurement.future}") LocalDate date,
        @NotNull(message = "{roadmap.measurement.value}") Double value,
        @NotBlank(message = "{roadmap.measurement.source}") @Size(max = 500) String source,
        @Size(max = 2000) String note,
        Boolean confirmImplausible) {

    /** Whether the caller says a value far outside the indicator's range is meant (see {@link Indicator#implausibleRange}). */
    boolean confirmed() {
        return Boolean.TRUE.equals(confirmImplausible);
    }
}
