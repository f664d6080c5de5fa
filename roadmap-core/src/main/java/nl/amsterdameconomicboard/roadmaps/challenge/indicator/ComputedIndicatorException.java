package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;

/** A value typed in for an indicator that the platform counts itself; nothing was written. */
public class ComputedIndicatorException extends Refusal {

    ComputedIndicatorException(Indicator indicator) {
        super(Kind.CONFLICT, "computed-indicator", null, "indicator.computed", indicator.id(), indicator.computedFrom().register());
    }
}
