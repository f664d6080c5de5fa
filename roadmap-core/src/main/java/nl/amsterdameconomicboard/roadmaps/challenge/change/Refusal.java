package nl.amsterdameconomicboard.roadmaps.challenge.change;

/**
 * A change or request the roadmap's rules refuse; nothing was written. Every refusal has a kind, which the web
 * layer turns into its status, and a problem type; one that concerns a single input field names it.
 */
public abstract class Refusal extends RuntimeException {

    /** What kind of refusal, independent of HTTP. */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, STALE, /** valid, but so unlikely that the caller must confirm it */ UNCONFIRMED }

    private final Kind kind;
    private final String problemType;
    private final String field;

    protected Refusal(Kind kind, String problemType, String field, String message) {
        super(message);
        this.kind = kind;
        this.problemType = problemType;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** e.g. {@code illegal-status-change}, the last part of the problem+json type. */
    public String problemType() {
        return problemType;
    }

    /** The input field concerned (a path such as {@code partners[0].type}), or null. */
    public String field() {
        return field;
    }
}
