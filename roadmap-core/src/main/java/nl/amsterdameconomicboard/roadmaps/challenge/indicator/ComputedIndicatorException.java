package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

/** A value typed in for an indicator that the platform counts itself; nothing was written. */
public class ComputedIndicatorException extends RuntimeException {

    ComputedIndicatorException(Indicator indicator) {
        super("Indicator '" + indicator.id() + "' is counted by the platform from the register '"
                + indicator.computedFrom().register() + "'; register the items instead of typing a value.");
    }
}
