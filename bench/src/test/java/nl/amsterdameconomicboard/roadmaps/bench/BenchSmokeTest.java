package nl.amsterdameconomicboard.roadmaps.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole suite, in seconds, against a stand-in of the platform: every scenario runs, every figure comes out as a
 * number, and the JSON, the Markdown and the PNG are written. The real figures come from ./platform bench.
 */
class BenchSmokeTest {

    private static final String[] SHORT = {"--quick", "--overhead.warmup=0.05s", "--overhead.measure=0.25s", "--saturation.warmup=0.05s",
            "--saturation.measure=0.2s", "--concurrency.levels=1,4", "--concurrency.warmup=0.05s", "--concurrency.measure=0.15s",
            "--freshness.writers=4", "--freshness.duration=1s", "--freshness.baseline.duration=0.5s", "--lag.burst=60",
            "--writes.writers=4", "--writes.warmup=0.1s", "--writes.measure=0.3s", "--rebuild.events=20000", "--rebuild.timeout=20s"};

    @TempDir
    Path results;

    @Test
    void everyScenarioProducesEveryFigureAndTheReportIsWritten() throws Exception {
        int exit;
        try (StandInPlatform platform = new StandInPlatform(false)) {
            exit = new BenchSuite(BenchConfig.parse(SHORT), platform, new Http()).runAndReport(results, "./platform bench --quick", "abc1234");
        }

        assertThat(exit).isZero();
        Path json = single("*-quick.json");
        JsonNode report = Http.JSON.readTree(Files.readString(json));
        assertThat(report.get("quick").asBoolean()).isTrue();
        assertThat(report.get("command").asString()).isEqualTo("./platform bench --quick");
        assertThat(report.get("machine").get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(report.get("machine").get("memoryMiB").asLong()).isPositive();
        assertThat(report.get("failures")).isEmpty();
        List<String> sections = report.get("sections").valueStream().map(s -> s.get("id").asString()).toList();
        assertThat(sections).containsExactlyElementsOf(BenchSuite.SCENARIOS);

        Map<String, JsonNode> figures = new java.util.LinkedHashMap<>();
        report.get("sections").forEach(s -> s.get("figures").properties().forEach(f -> figures.put(f.getKey(), f.getValue())));
        assertThat(figures).allSatisfy((key, figure) -> assertThat(figure.get("value").isNumber()).as(key + " is a number").isTrue());
        assertThat(figures).containsKeys(
                "overhead.fixed.direct.p50_ms", "overhead.fixed.gateway.p99_ms", "overhead.fixed.netty-proxy.p99_ms",
                "overhead.fixed.gateway_minus_direct.p50_ms", "overhead.fixed.gateway_minus_direct.p99_ms",
                "overhead.saturation.gateway_over_direct", "overhead.saturation.proxy_over_direct", "overhead.saturation.gateway_cost_over_proxy_cost",
                "concurrency.overview.c1.gateway.throughput_per_s", "concurrency.overview.c4.direct.p99_ms", "concurrency.scorecard.c4.gateway.p99_ms",
                "freshness.baseline.p99_ms", "freshness.load.p99_ms", "freshness.load.due_p99_ms", "freshness.load.scorecard_event_age_p99_ms",
                "freshness.burst.lag_zero_after_last_s", "writes.gateway.throughput_per_s", "writes.direct.throughput_per_s",
                "writes.gateway_over_direct", "rebuild.repair_s", "rebuild.replay.rate_per_s", "rebuild.replay.events",
                "footprint.startup.platform_s", "footprint.startup.gateway_s", "footprint.rss.total_mib");

        // the open model kept its rate against a quick server, every change was seen on the stream, and the replay read everything
        assertThat(value(figures, "overhead.fixed.gateway.throughput_per_s")).isBetween(180.0, 210.0);
        assertThat(value(figures, "freshness.load.accepted")).isBetween(90.0, 101.0);
        assertThat(value(figures, "freshness.load.missing")).isZero();
        assertThat(value(figures, "freshness.burst.accepted")).isEqualTo(60.0);
        assertThat(value(figures, "rebuild.replay.events")).isGreaterThanOrEqualTo(20000.0);
        assertThat(value(figures, "footprint.rss.total_mib")).isPositive();

        String markdown = Files.readString(single("*-quick.md"));
        assertThat(markdown).contains("QUICK run", report.get("date").asString(), "./platform bench --quick", "cores",
                "| gateway − direct: p99 |", "## Freshness", "## Headline figures", "≥ 20,000 events/s");
        assertThat(Files.readString(results.resolve("latest.md"))).contains("latest-latency.png");
        BufferedImage png = ImageIO.read(single("*-quick-latency.png").toFile());
        assertThat(png.getWidth()).isGreaterThan(500);
        assertThat(png.getHeight()).isGreaterThan(600); // a panel per plot: the reads at a fixed rate, and freshness
    }

    @Test
    void a429StopsTheBenchWithTheWayOutAndNoReport() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        int exit;
        System.setErr(new java.io.PrintStream(err, true));
        try (StandInPlatform platform = new StandInPlatform(true)) {
            exit = new BenchSuite(BenchConfig.parse(SHORT), platform, new Http()).runAndReport(results, "./platform bench", "abc1234");
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("429", "GATEWAY_RATE_LIMITS=off ./platform up");
        try (var files = Files.list(results)) {
            assertThat(files).isEmpty();
        }
    }

    private static double value(Map<String, JsonNode> figures, String key) {
        return figures.get(key).get("value").asDouble();
    }

    private Path single(String glob) throws Exception {
        try (var files = Files.newDirectoryStream(results, glob)) {
            List<Path> found = new java.util.ArrayList<>();
            files.forEach(found::add);
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
