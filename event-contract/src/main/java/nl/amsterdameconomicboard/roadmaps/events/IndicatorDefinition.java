package nl.amsterdameconomicboard.roadmaps.events;

import java.time.LocalDate;

/**
 * What an indicator measures and where it should get to.
 *
 * @param direction UP when more is better, DOWN when less is better
 * @param computed  true when the platform counts it from a register instead of people typing it in
 */
public record IndicatorDefinition(
        LocalizedText name,
        String unit,
        Double baselineValue,
        LocalDate baselineDate,
        double target,
        LocalDate deadline,
        String direction,
        boolean computed) {
}
