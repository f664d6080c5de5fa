package nl.amsterdameconomicboard.roadmaps.challenge.roadmap;

import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The challenge this service runs, with its ambition for 2025. One document per service database. */
@Document("challenge")
public record Challenge(@Id String code, BilingualText name, BilingualText ambition2025, BilingualText background) {
}
