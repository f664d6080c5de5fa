package nl.amsterdameconomicboard.roadmaps.challenge.change;

/** The client's If-Match names a revision that is no longer current; nothing was written. */
public class StaleRevisionException extends Refusal {

    public StaleRevisionException(String kind, String id, long expected, long current) {
        super(Kind.STALE, "stale-revision", null, "stale-revision", new Term("kind." + kind), id, Long.toString(current),
                Long.toString(expected));
    }
}
