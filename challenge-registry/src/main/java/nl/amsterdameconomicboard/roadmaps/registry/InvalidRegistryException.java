package nl.amsterdameconomicboard.roadmaps.registry;

/** The registry file cannot be used; the message names the file, the entry and what is wrong with it. */
public class InvalidRegistryException extends RuntimeException {

    InvalidRegistryException(String message) {
        super(message);
    }

    InvalidRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
