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
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens, e.g. heat-network-zaandam")
        @Size(max = 80) String id,
        @NotBlank(message = "must name the spearhead the initiative belongs to") String spearhead,
        @NotNull(message = "must give the title") @Valid TextInput title,
        @Valid TextInput description,
        LocalDate startDate,
        LocalDate endDate,
        @NotNull(message = "must be PLANNED, RUNNING, COMPLETED or STOPPED") InitiativeStatus status,
        @Size(max = 20) List<@Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String> links,
        @Size(max = 100) List<@Valid Partner> partners,
        @Size(max = 30) List<@Pattern(regexp = "[a-z0-9]+([-:][a-z0-9]+)*", message = "must be like material-stream:textiles") String> tags) {
}
