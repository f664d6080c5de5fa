package nl.amsterdameconomicboard.roadmaps.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one measured phase of a load gave: the latencies of the successful requests (microseconds; from the intended
 * start for an open-model load), how many succeeded and failed, and over how long.
 */
public record LoadResult(Histogram latencyMicros, long ok, long failed, double seconds) {

    public double throughput() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The figures every load reports, in milliseconds and requests per second. */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("p50_ms", percentileMillis(50));
        figures.put("p90_ms", percentileMillis(90));
        figures.put("p99_ms", percentileMillis(99));
        figures.put("p999_ms", percentileMillis(99.9));
        figures.put("max_ms", latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0);
        figures.put("throughput_per_s", throughput());
        figures.put("failed", (double) failed);
        return figures;
    }

    static Histogram newHistogram() {
        // up to an hour, three significant digits
        return new Histogram(3_600_000_000L, 3);
    }
}
