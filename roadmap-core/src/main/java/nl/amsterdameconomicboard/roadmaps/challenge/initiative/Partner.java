package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An organisation taking part in an initiative. Its name is what a partner's token carries as {@code organisation}. */
public record Partner(@NotBlank(message = "must name the organisation") @Size(max = 200) String name,
                      @NotNull(message = "must be BUSINESS, GOVERNMENT, KNOWLEDGE_INSTITUTION or CIVIL_SOCIETY") PartnerType type) {

    boolean is(String organisation) {
        return organisation != null && name.strip().equalsIgnoreCase(organisation.strip());
    }
}
