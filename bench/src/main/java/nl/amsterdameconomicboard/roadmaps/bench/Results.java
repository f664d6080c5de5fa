package nl.amsterdameconomicboard.roadmaps.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Everything one run of the suite found: where and how it ran, each scenario's figures, and what to plot. */
public final class Results {

    /** One number of the report: {@code key} is stable (scenario.variant.figure), {@code label} is for people. */
    public record Figure(String key, String label, double value, String unit) {
    }

    /** A scenario's figures, with a sentence on what was measured and how. */
    public record Section(String id, String title, String method, List<Figure> figures) {
    }

    /** Latency distributions side by side (one curve per variant), drawn as percentile curves. */
    public record Plot(String title, Map<String, Histogram> curves) {
    }

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Plot> plots = new ArrayList<>();

    public Map<String, Object> run() {
        return run;
    }

    public synchronized void add(Section section) {
        sections.add(section);
    }

    public synchronized void add(Plot plot) {
        plots.add(plot);
    }

    public synchronized List<Section> sections() {
        return List.copyOf(sections);
    }

    public synchronized List<Plot> plots() {
        return List.copyOf(plots);
    }

    /** Every figure of every section by key. */
    public synchronized Map<String, Figure> figures() {
        Map<String, Figure> all = new LinkedHashMap<>();
        sections.forEach(s -> s.figures().forEach(f -> all.put(f.key(), f)));
        return all;
    }

    /** Collects a section's figures in order. */
    public static final class SectionBuilder {
        private final String id;
        private final String title;
        private final String method;
        private final List<Figure> figures = new ArrayList<>();

        public SectionBuilder(String id, String title, String method) {
            this.id = id;
            this.title = title;
            this.method = method;
        }

        public SectionBuilder add(String key, String label, double value, String unit) {
            figures.add(new Figure(id + "." + key, label, value, unit));
            return this;
        }

        public Section build() {
            return new Section(id, title, method, List.copyOf(figures));
        }
    }
}
