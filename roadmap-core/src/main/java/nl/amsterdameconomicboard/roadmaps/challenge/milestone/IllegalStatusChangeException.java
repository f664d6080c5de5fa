package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

/** A status change that the lifecycle does not allow; nothing was changed. */
public class IllegalStatusChangeException extends RuntimeException {

    public IllegalStatusChangeException(String message) {
        super(message);
    }
}
