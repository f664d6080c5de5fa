package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.InitiativeRequest.Text;

/** Body of {@code PUT …/spearheads/{code}}: the spearhead's texts, Dutch required, English alongside. */
public record SpearheadRequest(
        @NotNull(message = "must give the title") @Valid Text title,
        @Valid Text vision,
        @Valid Text whatItIs,
        @Valid Text relevance,
        @Valid Text boardRole,
        @Size(max = 30) List<@Valid Text> focusAreas) {
}
