package nl.amsterdameconomicboard.roadmaps.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/** The write scenarios: freshness under load, the lag after a burst, and write throughput. */
final class WriteScenarios {

    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_AGE_P99 = Pattern.compile("scorecard_event_age_seconds\\{[^}]*quantile=\"0\\.99\"[^}]*}\\s+([0-9.eE+-]+)");

    private WriteScenarios() {
    }

    /** One change on its way: when it was due, when it was accepted, when the stream announced it. */
    private static final class Change {
        final long intended;
        volatile long accepted;
        volatile long seen;

        Change(long intended) {
            this.intended = intended;
        }
    }

    /**
     * Watches the scorecard stream through the gateway and pairs each {@code scorecard-changed} with the oldest change
     * of that entity still waiting for it (an entity's events are applied in order, one announcement each).
     */
    private static final class Freshness implements Writers.Observer, AutoCloseable {
        private final Map<String, Queue<Change>> waiting = new ConcurrentHashMap<>();
        private final List<Change> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<Void> stream;

        Freshness(Http http, URI gateway) throws InterruptedException {
            stream = http.stream(gateway.resolve("/api/scorecards/stream"), data -> {
                Matcher key = KEY.matcher(data);
                if (key.find()) {
                    Queue<Change> queue = waiting.get(key.group(1));
                    Change change = queue == null ? null : queue.poll();
                    if (change != null) {
                        change.seen = System.nanoTime();
                    }
                }
            });
            Thread.sleep(500); // the stream is open
            if (stream.isCompletedExceptionally()) {
                stream.join();
            }
        }

        @Override
        public Object before(Writers.Milestone milestone, long intendedNanos) {
            Change change = new Change(intendedNanos);
            waiting.computeIfAbsent(milestone.key(), k -> new ConcurrentLinkedQueue<>()).add(change);
            return new Object[] {milestone.key(), change};
        }

        @Override
        public void after(Object handle, int status, long answeredNanos) {
            Object[] pair = (Object[]) handle;
            Change change = (Change) pair[1];
            if (status == 200) {
                change.accepted = answeredNanos;
                accepted.add(change);
            } else {
                waiting.get((String) pair[0]).remove(change);
            }
        }

        /** Waits until every accepted change was announced, or the time is up. */
        void awaitAll(Duration patience) throws InterruptedException {
            long until = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < until && missing() > 0) {
                Thread.sleep(50);
            }
        }

        long missing() {
            synchronized (accepted) {
                return accepted.stream().filter(c -> c.seen == 0).count();
            }
        }

        Histogram acceptedToVisible() {
            Histogram h = LoadResult.newHistogram();
            synchronized (accepted) {
                // the announcement can overtake the answer to the PUT by a hair: that counts as 0
                accepted.stream().filter(c -> c.seen != 0).forEach(c -> h.recordValue(Math.max(0, (c.seen - c.accepted) / 1000)));
            }
            return h;
        }

        Histogram intendedToVisible() {
            Histogram h = LoadResult.newHistogram();
            synchronized (accepted) {
                accepted.stream().filter(c -> c.seen != 0).forEach(c -> h.recordValue(Math.max(0, (c.seen - c.intended) / 1000)));
            }
            return h;
        }

        @Override
        public void close() {
            stream.cancel(true);
        }
    }

    static void freshness(BenchConfig config, PlatformUnderTest platform, Http http, Results results) throws Exception {
        String token = platform.token("admin");
        List<Writers.Milestone> milestones = Writers.open(http, platform.gateway(), platform.challenges());
        Results.SectionBuilder section = new Results.SectionBuilder("freshness", "Freshness: change accepted → on the scorecard stream",
                "Milestone status changes through the gateway (user admin, open milestones of every challenge, each writer its own), timed from "
                + "the accepted `PUT` to the `scorecard-changed` event naming that milestone on `/api/scorecards/stream`, also through the "
                + "gateway. Baseline: one writer at " + config.string("freshness.baseline.rate") + "/s for " + config.string("freshness.baseline.duration")
                + "; load: " + config.string("freshness.writers") + " writers at " + config.string("freshness.rate") + "/s together for "
                + config.string("freshness.duration") + " (open model: \"due → visible\" counts a late send's wait). The scorecard's own "
                + "`scorecard_event_age_seconds` p99 is read after the load as a cross-check. Then a burst of " + config.string("lag.burst")
                + " changes as fast as " + config.string("freshness.writers") + " writers go, and the time until the scorecard's consumer group "
                + "has committed every roadmap event (Kafka AdminClient, the scorecard's own SCRAM user).");
        Map<String, Histogram> curves = new LinkedHashMap<>();
        for (String variant : List.of("baseline", "load")) {
            boolean load = variant.equals("load");
            double rate = config.number(load ? "freshness.rate" : "freshness.baseline.rate");
            int writers = load ? config.integer("freshness.writers") : 1;
            try (Freshness freshness = new Freshness(http, platform.gateway())) {
                Writers.Outcome outcome = Writers.run(http, c -> platform.gateway(), token, milestones, writers, rate,
                        config.duration(load ? "freshness.duration" : "freshness.baseline.duration"), 0, freshness);
                freshness.awaitAll(Duration.ofSeconds(30));
                Histogram visible = freshness.acceptedToVisible();
                Histogram due = freshness.intendedToVisible();
                curves.put(load ? writers + " writers, " + Report.format(rate) + "/s" : "1 writer, " + Report.format(rate) + "/s", visible);
                String label = load ? writers + " writers at " + Report.format(rate) + "/s" : "baseline, 1 writer at " + Report.format(rate) + "/s";
                section.add(variant + ".accepted", label + ": changes accepted", outcome.accepted(), "changes");
                section.add(variant + ".rate_per_s", label + ": accepted per second", outcome.accepted() / outcome.seconds(), "changes/s");
                section.add(variant + ".refused", label + ": refused", outcome.refused(), "changes");
                section.add(variant + ".p50_ms", label + ": accepted → visible p50", visible.getValueAtPercentile(50) / 1000.0, "ms");
                section.add(variant + ".p90_ms", label + ": accepted → visible p90", visible.getValueAtPercentile(90) / 1000.0, "ms");
                section.add(variant + ".p99_ms", label + ": accepted → visible p99", visible.getValueAtPercentile(99) / 1000.0, "ms");
                section.add(variant + ".max_ms", label + ": accepted → visible max", visible.getMaxValue() / 1000.0, "ms");
                section.add(variant + ".due_p99_ms", label + ": due → visible p99", due.getValueAtPercentile(99) / 1000.0, "ms");
                section.add(variant + ".missing", label + ": never announced within 30 s", freshness.missing(), "changes");
                System.out.printf(java.util.Locale.ROOT, "  [freshness] %-30s %6d accepted  p50 %7.1f ms  p99 %8.1f ms  missing %d%n", label,
                        outcome.accepted(), visible.getValueAtPercentile(50) / 1000.0, visible.getValueAtPercentile(99) / 1000.0, freshness.missing());
            }
        }
        section.add("load.scorecard_event_age_p99_ms", "scorecard's own scorecard_event_age_seconds p99 after the load", eventAgeP99(http, platform) * 1000, "ms");
        lagAfterBurst(config, platform, http, token, milestones, section);
        results.add(section.build());
        results.add(new Results.Plot("Freshness: milestone change accepted → scorecard-changed on the stream", curves));
    }

    private static double eventAgeP99(Http http, PlatformUnderTest platform) {
        try {
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(platform.direct("scorecard").resolve("/actuator/prometheus")).build()).body();
            Matcher m = EVENT_AGE_P99.matcher(metrics);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static void lagAfterBurst(BenchConfig config, PlatformUnderTest platform, Http http, String token, List<Writers.Milestone> milestones,
                                      Results.SectionBuilder section) throws Exception {
        awaitLagZero(platform, Duration.ofSeconds(60)); // what the load before left
        long publishedBefore = platform.publishedEvents();
        long burst = config.integer("lag.burst");
        long start = System.nanoTime();
        Writers.Outcome outcome = Writers.run(http, c -> platform.gateway(), token, milestones, config.integer("freshness.writers"), 0,
                Duration.ofHours(1), burst, new Writers.Observer() {
                    @Override
                    public Object before(Writers.Milestone milestone, long intendedNanos) {
                        return null;
                    }

                    @Override
                    public void after(Object handle, int status, long answeredNanos) {
                    }
                });
        long lastAccepted = System.nanoTime();
        long maxLag = 0;
        long zeroAt = -1;
        long until = lastAccepted + config.duration("lag.timeout").toNanos();
        while (System.nanoTime() < until) {
            long lag = platform.scorecardLag();
            maxLag = Math.max(maxLag, lag);
            if (lag == 0 && platform.publishedEvents() >= publishedBefore + outcome.accepted()) {
                zeroAt = System.nanoTime();
                break;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        section.add("burst.accepted", "burst: changes accepted", outcome.accepted(), "changes");
        section.add("burst.rate_per_s", "burst: accepted per second", outcome.accepted() / ((lastAccepted - start) / 1e9), "changes/s");
        section.add("burst.max_lag", "burst: highest consumer lag seen after it", maxLag, "records");
        section.add("burst.lag_zero_after_last_s", "lag back to zero after the burst's last change", zeroAt < 0 ? Double.NaN : (zeroAt - lastAccepted) / 1e9, "s");
        section.add("burst.lag_zero_after_first_s", "lag back to zero after the burst's start", zeroAt < 0 ? Double.NaN : (zeroAt - start) / 1e9, "s");
        System.out.printf(java.util.Locale.ROOT, "  [freshness] burst of %d: lag zero %.2f s after its last change%n", outcome.accepted(),
                zeroAt < 0 ? Double.NaN : (zeroAt - lastAccepted) / 1e9);
    }

    /** Waits until the scorecard has committed every roadmap event; answers whether it did in time. */
    static boolean awaitLagZero(PlatformUnderTest platform, Duration patience) throws Exception {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            if (platform.scorecardLag() == 0) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    static void writes(BenchConfig config, PlatformUnderTest platform, Http http, Results results) throws Exception {
        String token = platform.token("admin");
        List<Writers.Milestone> milestones = Writers.open(http, platform.gateway(), platform.challenges());
        int writers = config.integer("writes.writers");
        Duration warmup = config.duration("writes.warmup");
        Duration measure = config.duration("writes.measure");
        Map<String, java.util.function.Function<String, URI>> variants = new LinkedHashMap<>();
        variants.put(ReadScenarios.GATEWAY, c -> platform.gateway());
        variants.put(ReadScenarios.DIRECT, platform::direct);
        Alternation.Outcome outcome = Alternation.run(List.copyOf(variants.keySet()), config.integer("rounds"), (variant, round) -> {
            Histogram latencies = LoadResult.newHistogram();
            long[] counts = new long[2];
            long measureFrom = System.nanoTime() + warmup.toNanos();
            Writers.run(http, variants.get(variant), token, milestones, writers, 0, warmup.plus(measure), 0, new Writers.Observer() {
                @Override
                public Object before(Writers.Milestone milestone, long intendedNanos) {
                    return intendedNanos;
                }

                @Override
                public void after(Object handle, int status, long answeredNanos) {
                    long sent = (Long) handle;
                    if (sent >= measureFrom) {
                        synchronized (counts) {
                            if (status == 200) {
                                counts[0]++;
                                latencies.recordValue((answeredNanos - sent) / 1000);
                            } else {
                                counts[1]++;
                            }
                        }
                    }
                }
            });
            LoadResult result = new LoadResult(latencies, counts[0], counts[1], measure.toNanos() / 1e9);
            ReadScenarios.log("writes", variant + " round " + (round + 1) + ", " + writers + " writers", result);
            return result.figures();
        });
        Results.SectionBuilder section = new Results.SectionBuilder("writes", "Write throughput",
                "Milestone status changes by " + writers + " concurrent writers (closed model, user admin, each writer its own open milestones), "
                + "through the gateway and, as its baseline, straight to each challenge service with the same token; " + config.string("writes.warmup")
                + " warm-up, " + config.string("writes.measure") + " measured, " + config.integer("rounds") + " rounds alternating; medians. "
                + "A change is accepted when its `PUT` answers 200: stored with its event, which the outbox relay then publishes.");
        for (String variant : variants.keySet()) {
            section.add(variant + ".throughput_per_s", variant + ": changes accepted per second", outcome.median(variant, "throughput_per_s"), "changes/s");
            section.add(variant + ".p50_ms", variant + ": p50", outcome.median(variant, "p50_ms"), "ms");
            section.add(variant + ".p99_ms", variant + ": p99", outcome.median(variant, "p99_ms"), "ms");
            section.add(variant + ".refused", variant + ": refused", outcome.median(variant, "failed"), "changes");
        }
        section.add("gateway_over_direct", "gateway ÷ direct", outcome.median(ReadScenarios.GATEWAY, "throughput_per_s")
                / outcome.median(ReadScenarios.DIRECT, "throughput_per_s"), "×");
        results.add(section.build());
    }
}
