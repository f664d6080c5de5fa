package nl.amsterdameconomicboard.roadmaps.challenge.change;

/** Input that passed parsing but names a value this field does not take. */
public class InvalidFieldException extends Refusal {

    public InvalidFieldException(String field, String message) {
        super(Kind.INVALID, "invalid-input", field, message);
    }
}
