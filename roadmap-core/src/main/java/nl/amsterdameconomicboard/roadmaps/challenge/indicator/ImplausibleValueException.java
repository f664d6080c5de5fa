package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;

/** A value far outside what the indicator has known and aims at, sent without saying it is meant (a typo, most often). */
public class ImplausibleValueException extends Refusal {

    ImplausibleValueException(String message) {
        super(Kind.UNCONFIRMED, "implausible-value", "value", message);
    }
}
