package nl.amsterdameconomicboard.roadmaps.scorecard.card;

/** The overall status of a spearhead or challenge on the scorecard. */
public enum Status {
    /** Nothing is late, missed or at risk. */
    GREEN,
    /** Something is at risk, nothing is missed or overdue. */
    AMBER,
    /** A milestone was missed, or its deadline passed while it is still open. */
    RED,
    /** No milestone known yet. */
    NO_DATA
}
