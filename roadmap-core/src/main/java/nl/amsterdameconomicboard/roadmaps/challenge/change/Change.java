package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.Objects;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;

/**
 * What an aggregate decided: its new state, the entry its history gains and the event that announces the change.
 * {@link ChangeWriter} stores the three together or not at all. The state's own history and pending events are
 * ignored: the writer appends to what is stored, so that the outbox relay's removals never race a rewrite.
 */
public record Change<A extends Aggregate<H>, H>(A state, H historyEntry, PendingEvent event) {

    public Change {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(historyEntry, "historyEntry");
        Objects.requireNonNull(event, "event");
    }
}
