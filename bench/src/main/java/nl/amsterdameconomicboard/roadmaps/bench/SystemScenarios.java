package nl.amsterdameconomicboard.roadmaps.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Rebuilding the scorecard, and what the platform takes to start and to run. */
final class SystemScenarios {

    private SystemScenarios() {
    }

    static void rebuild(BenchConfig config, PlatformUnderTest platform, Http http, Results results) throws Exception {
        Results.SectionBuilder section = new Results.SectionBuilder("rebuild", "Rebuild: the scorecard replaying its topics",
                "`POST /api/scorecards/{c}/rebuild` is a repair, not a replay: it reads one challenge's current state from its service's API "
                + "(timed here for " + platform.challenges().get(0) + ", through the gateway as admin). The replay is measured on a second scorecard "
                + "the bench starts from `scorecard-service/target/scorecard-service.jar` with an empty database and a new consumer group "
                + "(`scorecard.consumer-group`), which reads all four roadmap topics from the beginning, as a scorecard rebuilt by dropping its "
                + "database would. Before it, the bench tops the topics up to at least " + config.string("rebuild.events") + " events with valid "
                + "`milestone.status-changed.v1` events of a synthetic challenge `bench` (source `/services/bench-service`, not in the registry, "
                + "so no card shows it), published as a challenge service's Kafka user would; the live scorecard applies them too, and the "
                + "replay starts once it has. Events per second = events replayed ÷ time from the replay's first commit to its last.");
        String challenge = platform.challenges().get(0);
        String token = platform.token("admin");
        long began = System.nanoTime();
        int status = http.send(HttpRequest.newBuilder(platform.gateway().resolve("/api/scorecards/" + challenge + "/rebuild"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
        double repair = (System.nanoTime() - began) / 1e9;
        if (status >= 300) {
            throw new IllegalStateException("POST /api/scorecards/" + challenge + "/rebuild answered " + status);
        }
        section.add("repair_s", "repair of " + challenge + " from its service (POST …/rebuild)", repair, "s");

        long target = config.integer("rebuild.events");
        Duration patience = config.duration("rebuild.timeout");
        long inTopics = platform.eventsInTopics();
        long missing = Math.max(0, target - inTopics);
        double generated = Double.NaN;
        double liveRate = Double.NaN;
        if (missing > 0) {
            System.out.printf("  [rebuild] %d events in the topics; publishing %d more%n", inTopics, missing);
            long start = System.nanoTime();
            platform.generateEvents(missing);
            double publishing = (System.nanoTime() - start) / 1e9;
            generated = missing / publishing;
            if (WriteScenarios.awaitLagZero(platform, patience)) {
                liveRate = missing / ((System.nanoTime() - start) / 1e9);
            }
        } else if (!WriteScenarios.awaitLagZero(platform, patience)) {
            throw new IllegalStateException("The live scorecard did not catch up within " + patience.toSeconds() + " s");
        }
        section.add("events_generated", "events published by the generator in this run", missing, "events");
        section.add("generator_rate_per_s", "generator: events published per second", generated, "events/s");
        section.add("live_intake_rate_per_s", "live scorecard: generated events applied per second (publish → lag zero)", liveRate, "events/s");

        long events = platform.publishedEvents();
        try (PlatformUnderTest.Replay replay = platform.startReplay()) {
            long started = System.nanoTime();
            long first = -1;
            long committedAtFirst = 0;
            long done = -1;
            long until = started + patience.toNanos();
            while (System.nanoTime() < until && replay.alive()) {
                long committed = replay.committed();
                long now = System.nanoTime();
                if (first < 0 && committed > 0) {
                    first = now;
                    committedAtFirst = committed;
                }
                if (committed >= events) {
                    done = now;
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            if (done < 0) {
                throw new IllegalStateException("The replaying scorecard did not reach the end of the topics ("
                        + events + " events) within " + patience.toSeconds() + " s" + (replay.alive() ? "" : ": it stopped (see its log)"));
            }
            double rate = first == done ? Double.NaN : (events - committedAtFirst) / ((done - first) / 1e9);
            section.add("replay.events", "events replayed", events, "events");
            section.add("replay.rate_per_s", "replay: events per second", rate, "events/s");
            section.add("replay.total_s", "replay: from process start to the end of the topics", (done - started) / 1e9, "s");
            section.add("replay.first_commit_s", "replay: from process start to its first commit", (first - started) / 1e9, "s");
            System.out.printf(java.util.Locale.ROOT, "  [rebuild] replayed %d events at %.0f events/s%n", events, rate);
        }
        results.add(section.build());
    }

    static void footprint(PlatformUnderTest platform, Results results) {
        Results.SectionBuilder section = new Results.SectionBuilder("footprint", "Start-up and footprint",
                "Start-up: seconds from each component's start to its first healthy answer, and to the whole platform healthy, as `./platform up` "
                + "recorded them (`.data/run/startup.properties`; the services of a stage start in parallel). Footprint: resident memory (RSS, "
                + "child processes included) of each component after all the load above, read from /proc.");
        Map<String, Double> startup = platform.startupSeconds();
        startup.forEach((component, seconds) -> section.add("startup." + component + "_s",
                (component.equals("platform") ? "whole platform" : component) + ": start → healthy", seconds, "s"));
        if (startup.isEmpty()) {
            section.add("startup.platform_s", "whole platform: start → healthy (not recorded: start it with ./platform up)", Double.NaN, "s");
        }
        Map<String, Long> rss = platform.residentKib();
        long total = 0;
        for (Map.Entry<String, Long> component : rss.entrySet()) {
            section.add("rss." + component.getKey() + "_mib", component.getKey() + ": RSS", component.getValue() / 1024.0, "MiB");
            total += component.getValue();
        }
        section.add("rss.total_mib", "whole stack: RSS", total / 1024.0, "MiB");
        results.add(section.build());
    }
}
