package nl.amsterdameconomicboard.roadmaps.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The read scenarios: the gateway against the direct path and a bare proxy, and the Board's reads under concurrency. */
final class ReadScenarios {

    static final String DIRECT = "direct";
    static final String GATEWAY = "gateway";
    static final String PROXY = "netty-proxy";

    private ReadScenarios() {
    }

    /** The service a public read goes to when the gateway is bypassed: the scorecard, or the challenge named by the path. */
    static String serviceOf(String path) {
        String[] parts = path.split("[/?]");
        return parts.length > 2 && !parts[2].equals("scorecards") ? parts[2] : "scorecard";
    }

    static void overhead(BenchConfig config, PlatformUnderTest platform, Http http, Results results) throws Exception {
        String path = config.string("read.path");
        URI directBase = platform.direct(serviceOf(path));
        try (NettyProxy proxy = new NettyProxy(directBase)) {
            Map<String, URI> variants = new LinkedHashMap<>();
            variants.put(DIRECT, directBase.resolve(path));
            variants.put(GATEWAY, platform.gateway().resolve(path));
            variants.put(PROXY, proxy.uri().resolve(path));
            for (Map.Entry<String, URI> variant : variants.entrySet()) {
                int status = http.get(variant.getValue()).start().join();
                if (status != 200) {
                    throw new IllegalStateException("GET " + variant.getValue() + " (" + variant.getKey() + ") answered " + status);
                }
            }
            List<String> names = List.copyOf(variants.keySet());
            double rate = config.number("overhead.rate");
            Map<String, List<Histogram>> byRound = new LinkedHashMap<>();
            Alternation.Outcome fixed = Alternation.run(names, config.integer("rounds"), (variant, round) -> {
                LoadResult result = new FixedRateLoad(rate, config.duration("overhead.warmup"), config.duration("overhead.measure"))
                        .run(http.get(variants.get(variant)));
                byRound.computeIfAbsent(variant, v -> new java.util.ArrayList<>()).add(result.latencyMicros());
                log("overhead", variant + " round " + (round + 1) + " at " + rate + "/s", result);
                return result.figures();
            });
            int connections = config.integer("saturation.connections");
            Alternation.Outcome saturated = Alternation.run(names, config.integer("rounds"), (variant, round) -> {
                LoadResult result = new ClosedLoad(connections, config.duration("saturation.warmup"), config.duration("saturation.measure"))
                        .run(http.getBlocking(variants.get(variant)));
                log("saturation", variant + " round " + (round + 1) + " with " + connections + " connections", result);
                return result.figures();
            });
            Results.SectionBuilder section = new Results.SectionBuilder("overhead", "Gateway against the direct path and a bare Netty proxy",
                    "`GET " + path + "` (public) straight to the service (" + DIRECT + "), through the gateway (" + GATEWAY + "), and through a bare "
                    + "Reactor Netty proxy started by the bench in its own JVM (" + PROXY + ", the physical reference). Fixed rate: open model at "
                    + Report.format(rate) + " req/s, latency from each request's intended start (coordinated omission accounted for), "
                    + config.string("overhead.warmup") + " warm-up then " + config.string("overhead.measure") + " measured. Saturation: closed model, "
                    + connections + " connections, " + config.string("saturation.measure") + " measured. " + config.integer("rounds")
                    + " rounds alternating the variants; medians.");
            for (String variant : names) {
                section.add("fixed." + variant + ".p50_ms", variant + " at " + Report.format(rate) + "/s: p50", fixed.median(variant, "p50_ms"), "ms");
                section.add("fixed." + variant + ".p99_ms", variant + " at " + Report.format(rate) + "/s: p99", fixed.median(variant, "p99_ms"), "ms");
                section.add("fixed." + variant + ".max_ms", variant + " at " + Report.format(rate) + "/s: max", fixed.median(variant, "max_ms"), "ms");
                section.add("fixed." + variant + ".throughput_per_s", variant + " at " + Report.format(rate) + "/s: served", fixed.median(variant, "throughput_per_s"), "req/s");
                section.add("fixed." + variant + ".failed", variant + " at " + Report.format(rate) + "/s: failed", fixed.median(variant, "failed"), "requests");
            }
            for (String via : List.of(GATEWAY, PROXY)) {
                section.add("fixed." + via + "_minus_direct.p50_ms", via + " − direct: p50", fixed.median(via, "p50_ms") - fixed.median(DIRECT, "p50_ms"), "ms");
                section.add("fixed." + via + "_minus_direct.p99_ms", via + " − direct: p99", fixed.median(via, "p99_ms") - fixed.median(DIRECT, "p99_ms"), "ms");
            }
            for (String variant : names) {
                section.add("saturation." + variant + ".throughput_per_s", variant + " at saturation (" + connections + " conn.)",
                        saturated.median(variant, "throughput_per_s"), "req/s");
                section.add("saturation." + variant + ".p99_ms", variant + " at saturation: p99", saturated.median(variant, "p99_ms"), "ms");
            }
            double direct = saturated.median(DIRECT, "throughput_per_s");
            double gateway = saturated.median(GATEWAY, "throughput_per_s");
            double bare = saturated.median(PROXY, "throughput_per_s");
            section.add("saturation.gateway_over_direct", "gateway ÷ direct throughput", gateway / direct, "×");
            section.add("saturation.proxy_over_direct", "netty-proxy ÷ direct throughput", bare / direct, "×");
            // what passing through costs the whole machine per request, in ms of its time: 1/throughput is each request's share of it
            double gatewayCost = 1000 / gateway - 1000 / direct;
            double proxyCost = 1000 / bare - 1000 / direct;
            section.add("saturation.gateway_cost_ms", "gateway's added machine time per request", gatewayCost, "ms");
            section.add("saturation.proxy_cost_ms", "netty-proxy's added machine time per request", proxyCost, "ms");
            section.add("saturation.gateway_cost_over_proxy_cost", "gateway's cost ÷ bare proxy's cost", gatewayCost / proxyCost, "×");
            results.add(section.build());
            // one round per variant, the one whose p99 is the median: a curve someone measured, not a blend of rounds
            Map<String, Histogram> curves = new LinkedHashMap<>();
            byRound.forEach((variant, rounds) -> curves.put(variant, rounds.stream()
                    .min(java.util.Comparator.comparingDouble(h -> Math.abs(h.getValueAtPercentile(99) / 1000.0 - fixed.median(variant, "p99_ms"))))
                    .orElseThrow()));
            results.add(new Results.Plot("GET " + path + " at " + Report.format(rate) + " req/s, open model (each variant's median round)", curves));
        }
    }

    static void concurrency(BenchConfig config, PlatformUnderTest platform, Http http, Results results) {
        String card = "/api/scorecards/" + platform.challenges().get(0);
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("overview", "/api/scorecards");
        endpoints.put("scorecard", card);
        List<Integer> levels = config.integers("concurrency.levels");
        Results.SectionBuilder section = new Results.SectionBuilder("concurrency", "The Board overview and a scorecard at concurrency "
                + levels.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""),
                "The dashboard's overview call `GET /api/scorecards` and one challenge's `GET " + card + "`, closed model with that many "
                + "connections, through the gateway and, as its baseline, straight to the scorecard service; " + config.string("concurrency.warmup")
                + " warm-up, " + config.string("concurrency.measure") + " measured, " + config.integer("rounds") + " rounds alternating; medians.");
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            Map<String, URI> variants = new LinkedHashMap<>();
            variants.put(GATEWAY, platform.gateway().resolve(endpoint.getValue()));
            variants.put(DIRECT, platform.direct("scorecard").resolve(endpoint.getValue()));
            for (int level : levels) {
                Alternation.Outcome outcome = Alternation.run(List.copyOf(variants.keySet()), config.integer("rounds"), (variant, round) -> {
                    LoadResult result = new ClosedLoad(level, config.duration("concurrency.warmup"), config.duration("concurrency.measure"))
                            .run(http.getBlocking(variants.get(variant)));
                    log("concurrency", endpoint.getKey() + " " + variant + " c" + level + " round " + (round + 1), result);
                    return result.figures();
                });
                for (String variant : variants.keySet()) {
                    String key = endpoint.getKey() + ".c" + level + "." + variant;
                    String label = endpoint.getKey() + ", " + variant + ", concurrency " + level;
                    section.add(key + ".throughput_per_s", label + ": throughput", outcome.median(variant, "throughput_per_s"), "req/s");
                    section.add(key + ".p50_ms", label + ": p50", outcome.median(variant, "p50_ms"), "ms");
                    section.add(key + ".p99_ms", label + ": p99", outcome.median(variant, "p99_ms"), "ms");
                }
            }
        }
        results.add(section.build());
    }

    static void log(String scenario, String what, LoadResult result) {
        System.out.printf(java.util.Locale.ROOT, "  [%s] %-46s %8.1f req/s  p50 %7.2f ms  p99 %8.2f ms  failed %d%n", scenario, what,
                result.throughput(), result.percentileMillis(50), result.percentileMillis(99), result.failed());
    }
}
