package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;

/** A value typed in for an indicator that the platform counts itself; nothing was written. */
public class ComputedIndicatorException extends Refusal {

    ComputedIndicatorException(Indicator indicator) {
        super(Kind.CONFLICT, "computed-indicator", null, "Indicator '" + indicator.id() + "' is counted by the platform from the register '"
                + indicator.computedFrom().register() + "'; register the items instead of typing a value.");
    }
}
