package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

/** The client's If-Match names a revision that is no longer current; nothing was written. */
public class StaleRevisionException extends RuntimeException {

    public StaleRevisionException(String id, long expected, long current) {
        super("Milestone '" + id + "' is at revision " + current + ", not " + expected
                + ": someone changed it after you read it. Reload it and try again.");
    }
}
