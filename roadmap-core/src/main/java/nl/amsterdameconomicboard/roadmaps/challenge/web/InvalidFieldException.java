package nl.amsterdameconomicboard.roadmaps.challenge.web;

/** Input that passed parsing but names a value this field does not take. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
