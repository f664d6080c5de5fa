package nl.amsterdameconomicboard.roadmaps.challenge.change;

/** The request names a spearhead, milestone, indicator or initiative this challenge does not have. */
public class UnknownEntityException extends Refusal {

    public UnknownEntityException(String kind, String id) {
        super(Kind.NOT_FOUND, "not-found", null, "not-found", new Term("entity." + kind), id);
    }
}
