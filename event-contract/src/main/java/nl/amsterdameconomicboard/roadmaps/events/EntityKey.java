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

    /** The challenge a key belongs to. */
    public static String challengeOf(String key) {
        int slash = key.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("Not an entity key (challenge/id): " + key);
        }
        return key.substring(0, slash);
    }
}
