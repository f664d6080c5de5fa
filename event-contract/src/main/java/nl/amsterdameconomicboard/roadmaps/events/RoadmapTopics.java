package nl.amsterdameconomicboard.roadmaps.events;

/** The Kafka topics of the roadmap events; see the module README for keys, partitions and retention. */
public final class RoadmapTopics {

    /** Every milestone event of every challenge; the record key is the milestone key, so one milestone's events stay in order. */
    public static final String MILESTONES = "roadmap.milestones";

    private RoadmapTopics() {
    }
}
