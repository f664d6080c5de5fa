package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.time.Instant;

/** One entry of an entity's change history (audit): who did what, when. Stored in the {@code history} collection. */
public record HistoryEntry(Instant at, String by, String action, String detail, long revision) {
}
