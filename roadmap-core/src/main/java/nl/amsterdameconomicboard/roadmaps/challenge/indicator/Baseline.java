package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.time.LocalDate;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/** Where an indicator stood when the roadmap was written, as the document gives it. */
public record Baseline(Double value, LocalDate date, BilingualText note) {
}
