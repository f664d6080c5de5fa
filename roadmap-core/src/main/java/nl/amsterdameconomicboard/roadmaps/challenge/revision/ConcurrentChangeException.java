package nl.amsterdameconomicboard.roadmaps.challenge.revision;

/** Others kept changing the same milestone while this change was retried; nothing was written. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
