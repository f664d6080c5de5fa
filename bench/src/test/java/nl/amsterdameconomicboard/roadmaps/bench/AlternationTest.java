package nl.amsterdameconomicboard.roadmaps.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlternationTest {

    @Test
    void variantsTakeTurnsForwardsThenBackwards() {
        List<String> calls = new ArrayList<>();

        Alternation.run(List.of("direct", "gateway"), 3, (variant, round) -> {
            calls.add(variant + round);
            return Map.of("p50_ms", 1.0);
        });

        assertThat(calls).containsExactly("direct0", "gateway0", "gateway1", "direct1", "direct2", "gateway2");
    }

    @Test
    void eachFigureIsTheMedianOfItsRoundsTakenOnItsOwn() {
        // gateway's p99 is 10, 50, 20 in its three rounds: the median is 20 (the mean would be 26.7);
        // its p50 is lowest in the round where its p99 is highest, and its median comes from another round
        double[][] gateway = {{1.0, 10.0}, {0.5, 50.0}, {2.0, 20.0}};
        Alternation.Outcome outcome = Alternation.run(List.of("direct", "gateway"), 3, (variant, round) -> variant.equals("gateway")
                ? Map.of("p50_ms", gateway[round][0], "p99_ms", gateway[round][1])
                : Map.of("p50_ms", 0.4 + round, "p99_ms", 3.0));

        assertThat(outcome.median("gateway", "p99_ms")).isEqualTo(20.0);
        assertThat(outcome.median("gateway", "p50_ms")).isEqualTo(1.0);
        assertThat(outcome.median("direct", "p50_ms")).isEqualTo(1.4);
        assertThat(outcome.rounds().get("gateway")).hasSize(3);
        assertThat(outcome.median("gateway", "nothing")).isNaN();
    }

    @Test
    void theMedianLeavesOutWhatWasNotMeasured() {
        assertThat(Alternation.median(new double[] {5, Double.NaN, 1})).isEqualTo(3.0);
        assertThat(Alternation.median(new double[] {7, 1, 4})).isEqualTo(4.0);
        assertThat(Alternation.median(new double[] {Double.NaN})).isNaN();
    }
}
