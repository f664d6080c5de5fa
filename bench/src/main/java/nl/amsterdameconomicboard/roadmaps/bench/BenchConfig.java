package nl.amsterdameconomicboard.roadmaps.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every phase's duration, rate and size. The defaults are the figures of issue 12; {@code --quick} shortens every
 * phase for a run of a couple of minutes (indicative only); {@code --key=value} sets one (e.g.
 * {@code --freshness.duration=30s}, {@code --rebuild.events=50000}); {@code --only=overhead,freshness} runs a subset.
 */
public final class BenchConfig {

    /** key → {full run's value, quick run's value, what it sets} */
    private static final Map<String, String[]> KEYS = new LinkedHashMap<>();

    static {
        key("rounds", "3", "3", "times each pair of variants alternates; medians are reported");
        key("read.path", "/api/scorecards/circular", "/api/scorecards/circular", "the public read of the gateway-vs-direct scenario");
        key("overhead.rate", "200", "200", "requests per second of the fixed-rate (open-model) comparison");
        key("overhead.warmup", "10s", "0.5s", "warm-up of each fixed-rate phase (sent, not measured)");
        key("overhead.measure", "30s", "2s", "measured part of each fixed-rate phase");
        key("saturation.connections", "16", "16", "connections of the closed-model saturation phase");
        key("saturation.warmup", "5s", "0.5s", "warm-up of each saturation phase");
        key("saturation.measure", "20s", "2s", "measured part of each saturation phase");
        key("concurrency.levels", "1,16,64", "1,16,64", "connections of the read-concurrency scenario");
        key("concurrency.warmup", "3s", "0.3s", "warm-up of each read-concurrency phase");
        key("concurrency.measure", "10s", "0.7s", "measured part of each read-concurrency phase");
        key("freshness.rate", "100", "100", "changes per second of the freshness scenario, all writers together");
        key("freshness.writers", "8", "8", "concurrent writers of the freshness scenario");
        key("freshness.duration", "60s", "5s", "how long the freshness scenario writes");
        key("freshness.baseline.rate", "10", "10", "changes per second of the light-load baseline (one writer)");
        key("freshness.baseline.duration", "20s", "3s", "how long the baseline writes");
        key("lag.burst", "1000", "200", "changes of the burst after which the scorecard's consumer lag must return to zero");
        key("lag.timeout", "180s", "60s", "how long to wait for the lag to return to zero");
        key("writes.writers", "16", "16", "concurrent writers of the write-throughput scenario (closed model)");
        key("writes.warmup", "3s", "1s", "warm-up of each write-throughput phase");
        key("writes.measure", "20s", "2s", "measured part of each write-throughput phase");
        key("rebuild.events", "200000", "5000", "events at least in the roadmap topics before the replay");
        key("rebuild.timeout", "1200s", "180s", "how long the live scorecard and the replay each may take");
    }

    private static void key(String name, String full, String quick, String description) {
        KEYS.put(name, new String[] {full, quick, description});
    }

    private final boolean quick;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> only;

    private BenchConfig(boolean quick, Map<String, String> overrides, List<String> only) {
        this.quick = quick;
        KEYS.forEach((k, v) -> values.put(k, quick ? v[1] : v[0]));
        overrides.forEach((k, v) -> {
            if (!KEYS.containsKey(k)) {
                throw new IllegalArgumentException("Unknown setting --" + k + "; known: " + String.join(", ", KEYS.keySet()));
            }
            values.put(k, v);
        });
        this.only = only;
    }

    /** {@code --quick}, {@code --only=a,b}, {@code --key=value}. */
    public static BenchConfig parse(String... args) {
        boolean quick = false;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> only = List.of();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--only=")) {
                only = Arrays.stream(arg.substring(7).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            } else if (arg.startsWith("--") && arg.contains("=")) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'. " + usage());
            }
        }
        return new BenchConfig(quick, overrides, only);
    }

    public static String usage() {
        StringBuilder usage = new StringBuilder("usage: ./platform bench [--quick] [--only=scenario,…] [--key=value …]\nsettings (full run / --quick):\n");
        KEYS.forEach((k, v) -> usage.append(String.format("  --%-28s %-9s %-9s %s%n", k, v[0], v[1], v[2])));
        return usage.toString();
    }

    public boolean quick() {
        return quick;
    }

    public boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("No setting " + key);
        }
        return value;
    }

    public int integer(String key) {
        return Integer.parseInt(string(key).strip());
    }

    public double number(String key) {
        return Double.parseDouble(string(key).strip());
    }

    public List<Integer> integers(String key) {
        return Arrays.stream(string(key).split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    /** {@code 500ms}, {@code 2.5s}, {@code 3m}. */
    public Duration duration(String key) {
        String value = string(key).strip();
        if (value.endsWith("ms")) {
            return Duration.ofNanos((long) (Double.parseDouble(value.substring(0, value.length() - 2)) * 1e6));
        }
        if (value.endsWith("s")) {
            return Duration.ofNanos((long) (Double.parseDouble(value.substring(0, value.length() - 1)) * 1e9));
        }
        if (value.endsWith("m")) {
            return Duration.ofNanos((long) (Double.parseDouble(value.substring(0, value.length() - 1)) * 60e9));
        }
        throw new IllegalArgumentException("--" + key + "=" + value + ": a duration like 500ms, 10s or 2m");
    }
}
