package nl.amsterdameconomicboard.roadmaps.challenge.change;

/** Others kept changing the same entity while this change was retried; nothing was written. */
public class ConcurrentChangeException extends Refusal {

    public ConcurrentChangeException(String kind, String id) {
        super(Kind.CONFLICT, "concurrent-change", null, "concurrent-change", new Term("kind." + kind), id);
    }
}
