package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT …/milestones/{id}/status}. Every change says why. */
public record ChangeStatusRequest(
        @NotBlank(message = "{roadmap.milestone.status}") String status,
        @NotBlank(message = "{roadmap.milestone.note}") @Size(max = 2000) String note) {
}
