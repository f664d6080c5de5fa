package nl.amsterdameconomicboard.roadmaps.challenge.change;

/** Others kept changing the same entity while this change was retried; nothing was written. */
public class ConcurrentChangeException extends Refusal {

    public ConcurrentChangeException(String kind, String id) {
        super(Kind.CONFLICT, "concurrent-change", null, kind + " '" + id + "' is being changed by others right now; try again.");
    }
}
