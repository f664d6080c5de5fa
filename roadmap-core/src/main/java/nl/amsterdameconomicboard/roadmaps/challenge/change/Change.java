package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.List;
import java.util.Objects;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;

/**
 * What an aggregate decided: its new state, the entry its history gains, the event that announces the change and
 * any entries it adds to its other growing lists ({@code appended}, e.g. a progress update). {@link ChangeWriter}
 * stores them together or not at all. The state's pending events are ignored: the writer appends to what is stored,
 * so that the outbox relay's removals never race a rewrite.
 */
public record Change<A extends Aggregate<H>, H>(A state, H historyEntry, PendingEvent event, List<Appended> appended) {

    public Change {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(historyEntry, "historyEntry");
        Objects.requireNonNull(event, "event");
        appended = List.copyOf(appended);
        if (appended.stream().anyMatch(a -> a.revision() != state.revision())) {
            throw new IllegalArgumentException("appended entries belong to revision " + state.revision());
        }
    }

    public Change(A state, H historyEntry, PendingEvent event) {
        this(state, historyEntry, event, List.of());
    }
}
