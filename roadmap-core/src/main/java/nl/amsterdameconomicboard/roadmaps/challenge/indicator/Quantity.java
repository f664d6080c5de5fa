package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.util.List;
import java.util.Locale;

/**
 * What an indicator's unit measures, read from the unit as the roadmap document names it. The plausibility rules
 * and the dashboard's number format depend on it: a count is whole and never negative, a share stays within 0–100.
 */
public enum Quantity {
    /** Things counted (jobs, homes, projects …): whole numbers, never negative. */
    COUNT,
    /** A share in percent: from 0 to 100. */
    PERCENTAGE,
    /** A yearly change in percent: may fall as well as rise, so either sign. */
    RATE,
    /** A measured amount (euro, hectares, megatonnes, years): never negative, decimals allowed. */
    AMOUNT;

    private static final List<String> AMOUNTS = List.of("euro", "hectare", "megatonne", "tonne", "year", "km", "kilo");

    /** A unit the roadmap does not know yet counts as a count: the stricter reading for a new indicator. */
    public static Quantity of(String unit) {
        String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("percent") || u.startsWith("%")) {
            return u.contains("per year") ? RATE : PERCENTAGE;
        }
        return AMOUNTS.stream().anyMatch(u::startsWith) ? AMOUNT : COUNT;
    }

    /** Null when the value fits this quantity, else why not: the key of its message in {@code RefusalMessages} (the unit its argument). */
    String refusal(double value) {
        if (!Double.isFinite(value)) {
            return "quantity.not-a-number";
        }
        return switch (this) {
            case COUNT -> value < 0 ? "quantity.count-negative" : null;
            case AMOUNT -> value < 0 ? "quantity.amount-negative" : null;
            case PERCENTAGE -> value < 0 || value > 100 ? "quantity.percentage-range" : null;
            case RATE -> value < -100 ? "quantity.rate-fall" : null;
        };
    }
}
