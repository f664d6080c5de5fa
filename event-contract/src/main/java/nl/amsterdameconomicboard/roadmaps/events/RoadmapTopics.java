package nl.amsterdameconomicboard.roadmaps.events;

/** The Kafka topics of the roadmap events; see the module README for keys, partitions and retention. */
public final class RoadmapTopics {

    /** Every milestone event of every challenge; the record key is the milestone key, so one milestone's events stay in order. */
    public static final String MILESTONES = "roadmap.milestones";

    /** Indicator definitions and measurements; key = indicator key. */
    public static final String INDICATORS = "roadmap.indicators";

    /** Initiatives, their partners and progress; key = initiative key. */
    public static final String INITIATIVES = "roadmap.initiatives";

    /** Spearheads and their texts; key = spearhead key. */
    public static final String SPEARHEADS = "roadmap.spearheads";

    /** Every roadmap topic, e.g. for the scorecard to subscribe to. */
    public static final java.util.List<String> ALL = java.util.List.of(SPEARHEADS, MILESTONES, INDICATORS, INITIATIVES);

    /** Roadmap topics keep their events forever: consumers rebuild their state by replaying them. */
    public static final String RETENTION_MS = "-1";

    private RoadmapTopics() {
    }
}
