package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Instant;

/** One change of a milestone's status: from what to what, why, by whom and when. The milestone's history entry. */
public record StatusChange(MilestoneStatus from, MilestoneStatus to, String note, String by, Instant at, long revision) {
}
