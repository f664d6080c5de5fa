package nl.amsterdameconomicboard.roadmaps.challenge.change;

/** Input that passed parsing but names a value this field does not take. */
public class InvalidFieldException extends Refusal {

    /** @param key the message's key in {@code RefusalMessages}, worded with {@code arguments} */
    public InvalidFieldException(String field, String key, Object... arguments) {
        super(Kind.INVALID, "invalid-input", field, key, arguments);
    }
}
