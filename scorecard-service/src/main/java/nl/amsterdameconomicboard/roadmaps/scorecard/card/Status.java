package nl.amsterdameconomicboard.roadmaps.scorecard.card;

/** The overall status of a spearhead or challenge on the scorecard. */
public enum Status {
    /** Nothing is late, missed, at risk or projected to fall short. */
    GREEN,
    /** A milestone at risk or an indicator projected to miss its target; nothing missed or overdue. */
    AMBER,
    /** A milestone missed or overdue, or an indicator past its deadline short of its target. */
    RED,
    /** No milestone or indicator known yet. */
    NO_DATA
}
