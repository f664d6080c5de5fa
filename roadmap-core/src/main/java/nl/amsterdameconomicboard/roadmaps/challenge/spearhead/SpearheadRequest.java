package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.TextInput;

/** Body of {@code PUT …/spearheads/{code}}: the spearhead's texts, Dutch required, English alongside. */
public record SpearheadRequest(
        @NotNull(message = "{roadmap.title}") @Valid TextInput title,
        @Valid TextInput vision,
        @Valid TextInput whatItIs,
        @Valid TextInput relevance,
        @Valid TextInput boardRole,
        @Size(max = 30) List<@Valid TextInput> focusAreas) {
}
