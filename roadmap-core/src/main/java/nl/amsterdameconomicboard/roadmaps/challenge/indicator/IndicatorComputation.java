package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.util.List;

/**
 * Counts an indicator's value from a register the platform keeps. roadmap-core counts initiatives and partners;
 * a challenge service adds its own registers (e.g. circular's material streams) as further beans.
 */
public interface IndicatorComputation {

    /** The register name an indicator's {@link ComputedFrom#register()} refers to. */
    String register();

    Count count(ComputedFrom spec);

    /** The value and the items it counts, so that a reader can check it. */
    record Count(double value, List<CountedItem> items) {
    }

    /** @param kind e.g. "initiative" or "partner" */
    record CountedItem(String kind, String id, String title) {
    }
}
