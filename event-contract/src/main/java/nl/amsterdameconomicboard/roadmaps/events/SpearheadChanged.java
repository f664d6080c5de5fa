package nl.amsterdameconomicboard.roadmaps.events;

import java.time.Instant;

/**
 * A spearhead was announced (the first event, {@code change = "announced"}) or its texts changed.
 *
 * @param position the spearhead's place in the roadmap, for ordering scorecards as the Board does
 */
public record SpearheadChanged(
        String challenge,
        String spearhead,
        LocalizedText title,
        LocalizedText vision,
        int position,
        String change,
        String changedBy,
        Instant changedAt,
        long revision) implements RoadmapEvent {

    public static final EventType TYPE = new EventType("spearhead.changed", 1);

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public String key() {
        return EntityKey.of(challenge, spearhead);
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.on(this);
    }
}
