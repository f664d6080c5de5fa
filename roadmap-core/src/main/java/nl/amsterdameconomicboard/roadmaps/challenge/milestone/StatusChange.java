package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.time.Instant;

/**
 * One change of a milestone's status: from what to what, why, by whom and when. The milestone's history entry.
 *
 * @param organisation the organisation the author's token names, if any (entries written before it was kept have none)
 */
public record StatusChange(MilestoneStatus from, MilestoneStatus to, String note, String by, Instant at, long revision,
                           String organisation) {

    public StatusChange(MilestoneStatus from, MilestoneStatus to, String note, String by, Instant at, long revision) {
        this(from, to, note, by, at, revision, null);
    }
}
