package nl.amsterdameconomicboard.roadmaps.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's results under the results folder: {@code <stamp>.json} (every figure by key, the machine, the
 * command, the settings), {@code <stamp>.md} (the same as tables) and {@code <stamp>-latency.png} (the percentile
 * curves), and copies the Markdown to {@code latest.md} and the picture to {@code latest-latency.png}.
 */
public final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The figures issue 12 sets goals for, first in the report, with the goal (on this machine). */
    static final Map<String, String> HEADLINE = new LinkedHashMap<>();

    static {
        HEADLINE.put("overhead.fixed.gateway_minus_direct.p50_ms", "≤ 1 ms");
        HEADLINE.put("overhead.fixed.gateway_minus_direct.p99_ms", "≤ 5 ms");
        HEADLINE.put("overhead.saturation.gateway_over_direct", "≥ 0.6×");
        HEADLINE.put("overhead.saturation.gateway_cost_over_proxy_cost", "≤ 1.5×");
        HEADLINE.put("concurrency.overview.c16.gateway.throughput_per_s", "≥ 2,000 req/s");
        HEADLINE.put("concurrency.overview.c16.gateway.p99_ms", "≤ 20 ms");
        HEADLINE.put("freshness.load.p99_ms", "≤ 100 ms");
        HEADLINE.put("freshness.burst.lag_zero_after_last_s", "≤ 5 s");
        HEADLINE.put("writes.gateway.throughput_per_s", "≥ 300 changes/s");
        HEADLINE.put("rebuild.replay.rate_per_s", "≥ 20,000 events/s");
        HEADLINE.put("footprint.rss.total_mib", "≤ 2,560 MiB");
        HEADLINE.put("footprint.startup.platform_s", "≤ 25 s");
    }

    private Report() {
    }

    /** The files written. */
    public record Written(Path json, Path markdown, Path png, Path latest) {
    }

    public static Written write(Results results, Path folder, String stamp) throws IOException {
        Files.createDirectories(folder);
        Path json = folder.resolve(stamp + ".json");
        Path markdown = folder.resolve(stamp + ".md");
        Path png = folder.resolve(stamp + "-latency.png");
        Files.writeString(json, JSON.writeValueAsString(json(results)));
        PercentileChart.draw(results.plots(), png);
        Files.writeString(markdown, markdown(results, png.getFileName().toString()));
        Path latest = folder.resolve("latest.md");
        Files.writeString(latest, markdown(results, "latest-latency.png"));
        Files.copy(png, folder.resolve("latest-latency.png"), StandardCopyOption.REPLACE_EXISTING);
        return new Written(json, markdown, png, latest);
    }

    static Map<String, Object> json(Results results) {
        Map<String, Object> root = new LinkedHashMap<>(results.run());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Results.Section section : results.sections()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", section.id());
            s.put("title", section.title());
            s.put("method", section.method());
            Map<String, Object> figures = new LinkedHashMap<>();
            section.figures().forEach(f -> figures.put(f.key(), Map.of("label", f.label(), "value",
                    Double.isNaN(f.value()) ? "NaN" : f.value(), "unit", f.unit())));
            s.put("figures", figures);
            sections.add(s);
        }
        root.put("sections", sections);
        return root;
    }

    static String markdown(Results results, String pngName) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> run = results.run();
        md.append("# Benchmark results").append(Boolean.TRUE.equals(run.get("quick")) ? " (QUICK run: short phases, indicative only)" : "").append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(run.get("date")).append(" |\n");
        md.append("| machine | ").append(run.get("machineSummary")).append(" |\n");
        md.append("| command | `").append(run.get("command")).append("` |\n");
        md.append("| commit | ").append(run.getOrDefault("commit", "?")).append(" |\n");
        md.append("| took | ").append(run.get("tookSeconds")).append(" s |\n\n");
        md.append("Medians of the rounds where a pair of variants alternated; latencies in ms; settings in the JSON next to this file.\n\n");
        Map<String, Results.Figure> figures = results.figures();
        if (HEADLINE.keySet().stream().anyMatch(figures::containsKey)) {
            md.append("## Headline figures and the goals of issue 12\n\n| figure | value | goal |\n|---|---:|---|\n");
            HEADLINE.forEach((key, goal) -> {
                Results.Figure f = figures.get(key);
                if (f != null) {
                    md.append("| ").append(f.label()).append(" | ").append(format(f.value())).append(' ').append(f.unit()).append(" | ")
                            .append(goal).append(" |\n");
                }
            });
            md.append('\n');
        }
        md.append("![latency percentiles](").append(pngName).append(")\n\n");
        for (Results.Section section : results.sections()) {
            md.append("## ").append(section.title()).append("\n\n").append(section.method()).append("\n\n");
            md.append("| figure | value | unit |\n|---|---:|---|\n");
            section.figures().forEach(f -> md.append("| ").append(f.label()).append(" | ").append(format(f.value())).append(" | ")
                    .append(f.unit()).append(" |\n"));
            md.append('\n');
        }
        return md.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 100 || value == Math.rint(value) && abs < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return abs >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
