package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT …/milestones/{id}/status}. Every change says why. */
public record ChangeStatusRequest(
        @NotBlank(message = "must name the new status: PLANNED, ON_TRACK, AT_RISK, ACHIEVED or MISSED") String status,
        @NotBlank(message = "must say why the status changes") @Size(max = 2000) String note) {
}
