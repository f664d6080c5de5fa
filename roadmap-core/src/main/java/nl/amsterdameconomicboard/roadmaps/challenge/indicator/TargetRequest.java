package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code PUT …/indicators/{id}/target}: a new target and deadline, and why. */
public record TargetRequest(
        @NotNull(message = "must give the target value") Double target,
        @NotNull(message = "must give the deadline") LocalDate deadline,
        @NotBlank(message = "must say why the target changes") @Size(max = 2000) String note) {
}
