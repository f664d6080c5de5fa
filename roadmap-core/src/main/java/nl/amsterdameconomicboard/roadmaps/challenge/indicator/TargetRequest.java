package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code PUT …/indicators/{id}/target}: a new target and deadline, and why. */
public record TargetRequest(
        @NotNull(message = "{roadmap.target.value}") Double target,
        @NotNull(message = "{roadmap.target.deadline}") LocalDate deadline,
        @NotBlank(message = "{roadmap.target.note}") @Size(max = 2000) String note) {
}
