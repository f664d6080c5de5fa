package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.TextInput;

/** Body of {@code POST …/initiatives} (with {@code id}) and {@code PUT …/initiatives/{id}} (without). */
public record InitiativeRequest(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{roadmap.initiative.id}")
        @Size(max = 80) String id,
        @NotBlank(message = "{roadmap.initiative.spearhead}") String spearhead,
        @NotNull(message = "{roadmap.title}") @Valid TextInput title,
        @Valid TextInput description,
        LocalDate startDate,
        LocalDate endDate,
        @NotNull(message = "{roadmap.initiative.status}") InitiativeStatus status,
        @Size(max = 20) List<@Pattern(regexp = "https?://\\S+", message = "{roadmap.link}") String> links,
        @Size(max = 100) List<@Valid Partner> partners,
        @Size(max = 30) List<@Pattern(regexp = "[a-z0-9]+([-:][a-z0-9]+)*", message = "{roadmap.tag}") String> tags) {
}
