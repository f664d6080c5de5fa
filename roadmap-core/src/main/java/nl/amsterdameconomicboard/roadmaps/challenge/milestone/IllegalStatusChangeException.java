package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;

/** A status change that the lifecycle does not allow; nothing was changed. */
public class IllegalStatusChangeException extends Refusal {

    IllegalStatusChangeException(String key, MilestoneStatus... statuses) {
        super(Kind.CONFLICT, "illegal-status-change", "status", key, java.util.Arrays.stream(statuses).map(MilestoneStatus::words).toArray());
    }
}
