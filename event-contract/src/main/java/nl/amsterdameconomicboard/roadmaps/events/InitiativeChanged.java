package nl.amsterdameconomicboard.roadmaps.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An initiative was created, changed, or got a progress update from a partner.
 *
 * @param change "created", "changed" or "progress"
 */
public record InitiativeChanged(
        String challenge,
        String spearhead,
        String initiative,
        LocalizedText title,
        String status,
        LocalDate startDate,
        LocalDate endDate,
        List<Partner> partners,
        String change,
        String summary,
        String changedBy,
        Instant changedAt,
        long revision) implements RoadmapEvent {

    public static final EventType TYPE = new EventType("initiative.changed", 1);

    /** @param type BUSINESS, GOVERNMENT, KNOWLEDGE_INSTITUTION or CIVIL_SOCIETY */
    public record Partner(String name, String type) {
    }

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public String key() {
        return EntityKey.of(challenge, initiative);
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.on(this);
    }
}
