package nl.amsterdameconomicboard.roadmaps.challenge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text of the roadmap as a request gives it: Dutch required, English alongside. */
public record TextInput(@NotBlank(message = "{roadmap.text.dutch}") @Size(max = 4000) String nl, @Size(max = 4000) String en) {

    /** The text as stored, trimmed; null for no text. */
    public static BilingualText toText(TextInput input) {
        return input == null ? null : new BilingualText(input.nl().strip(), input.en() == null ? null : input.en().strip());
    }
}
