package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.Instant;

/** Progress reported on an initiative, by a partner organisation or the challenge team. */
public record ProgressUpdate(String id, Instant at, String by, String organisation, String text) {
}
