package nl.amsterdameconomicboard.roadmaps.events;

/**
 * The payload of a roadmap event: what every type has in common. The permitted types are the contract's types;
 * a new one is added here, in {@link Handler} and in {@link RoadmapEvents}.
 */
public sealed interface RoadmapEvent
        permits MilestoneStatusChanged, IndicatorMeasured, IndicatorChanged, InitiativeChanged, SpearheadChanged {

    /** The CloudEvents type and version of this payload. */
    EventType type();

    /** The Kafka record key: {@code challenge/id} of the entity. */
    String key();

    /** The code of the challenge in the Board's challenge registry. */
    String challenge();

    /** The entity's revision after this change; consumers keep the highest they have seen. */
    long revision();

    <R> R accept(Handler<R> handler);

    /**
     * One method per event type. Java 17 has no pattern-matching switch, so this visitor is how a consumer handles
     * every type: a new permitted type needs a method here, and every handler stops compiling until it has one.
     */
    interface Handler<R> {

        R on(MilestoneStatusChanged event);

        R on(IndicatorMeasured event);

        R on(IndicatorChanged event);

        R on(InitiativeChanged event);

        R on(SpearheadChanged event);
    }
}
