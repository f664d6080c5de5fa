package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ProgressRequest(@NotBlank(message = "{roadmap.progress.text}") @Size(max = 4000) String text) {
}
