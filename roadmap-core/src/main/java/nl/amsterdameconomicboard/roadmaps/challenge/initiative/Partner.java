package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An organisation taking part in an initiative. Its name is what a partner's token carries as {@code organisation}. */
public record Partner(@NotBlank(message = "{roadmap.partner.name}") @Size(max = 200) String name,
                      @NotNull(message = "{roadmap.partner.type}") PartnerType type) {

    boolean is(String organisation) {
        return organisation != null && name.strip().equalsIgnoreCase(organisation.strip());
    }
}
