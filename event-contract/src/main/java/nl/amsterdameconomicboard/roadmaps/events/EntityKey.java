package nl.amsterdameconomicboard.roadmaps.events;

/**
 * Entity ids are unique within a challenge; the key {@code challenge/id} is unique on its topic and the same for
 * every event of that entity, so Kafka keeps them in order.
 */
public final class EntityKey {

    private EntityKey() {
    }

    public static String of(String challenge, String id) {
        return challenge + "/" + id;
    }
}
