package nl.amsterdameconomicboard.roadmaps.events;

/** A record that is not a roadmap event this contract version can read: unknown type or version, or a payload that does not parse. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
