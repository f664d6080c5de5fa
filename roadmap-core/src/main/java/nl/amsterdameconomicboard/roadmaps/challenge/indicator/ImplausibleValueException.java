package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;

/** A value far outside what the indicator has known and aims at, sent without saying it is meant (a typo, most often). */
public class ImplausibleValueException extends Refusal {

    /** @param arguments the value, the indicator's unit ({@link Refusal.Words}), the low and the high end of its known range */
    ImplausibleValueException(Object... arguments) {
        super(Kind.UNCONFIRMED, "implausible-value", "value", "indicator.implausible", arguments);
    }
}
