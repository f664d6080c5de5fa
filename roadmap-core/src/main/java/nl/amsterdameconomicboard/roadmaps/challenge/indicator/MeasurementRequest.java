package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST …/indicators/{id}/measurements}: the value on a day, and where it comes from. */
public record MeasurementRequest(
        @NotNull(message = "{roadmap.measurement.date}") @PastOrPresent(message = "{roadmap.measurement.future}") LocalDate date,
        @NotNull(message = "{roadmap.measurement.value}") Double value,
        @NotBlank(message = "{roadmap.measurement.source}") @Size(max = 500) String source,
        @Size(max = 2000) String note) {
}
