package nl.amsterdameconomicboard.roadmaps.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs variants of one measurement alternately, round after round (A B C, then C B A, then A B C …), so that a drift
 * of the machine (another process, a JIT, a GC, a growing store) falls on every variant alike, and reports each
 * figure of each variant as its median over the rounds. Each figure's median is taken on its own.
 */
public final class Alternation {

    private Alternation() {
    }

    /** The figures of every variant in every round, and their medians. */
    public record Outcome(Map<String, List<Map<String, Double>>> rounds, Map<String, Map<String, Double>> medians) {

        public double median(String variant, String figure) {
            Double value = medians.getOrDefault(variant, Map.of()).get(figure);
            return value == null ? Double.NaN : value;
        }
    }

    /** The order in which the variants run in round {@code round} (0-based): forwards, then backwards, and so on. */
    static List<String> order(List<String> variants, int round) {
        List<String> order = new ArrayList<>(variants);
        if (round % 2 == 1) {
            java.util.Collections.reverse(order);
        }
        return order;
    }

    /**
     * @param measure measures one variant in one round (variant, round) and answers its figures by name
     */
    public static Outcome run(List<String> variants, int rounds, BiFunction<String, Integer, Map<String, Double>> measure) {
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round: " + rounds);
        }
        Map<String, List<Map<String, Double>>> all = new LinkedHashMap<>();
        variants.forEach(v -> all.put(v, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (String variant : order(variants, round)) {
                all.get(variant).add(measure.apply(variant, round));
            }
        }
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        all.forEach((variant, results) -> {
            Map<String, Double> byFigure = new LinkedHashMap<>();
            results.get(0).keySet().forEach(figure -> byFigure.put(figure,
                    median(results.stream().mapToDouble(r -> r.getOrDefault(figure, Double.NaN)).toArray())));
            medians.put(variant, byFigure);
        });
        return new Outcome(all, medians);
    }

    /** The middle value (the mean of the two middle ones for an even count); NaN values are left out. */
    static double median(double[] values) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length == 0) {
            return Double.NaN;
        }
        int middle = known.length / 2;
        return known.length % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
    }
}
