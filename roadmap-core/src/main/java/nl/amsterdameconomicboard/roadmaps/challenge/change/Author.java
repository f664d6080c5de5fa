package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.time.Instant;

/**
 * Who makes a change, in which challenge and when: what every history entry and event records.
 *
 * @param challenge the challenge code, which the published events carry
 * @param by        the user name (or client id) of the caller; the seed's own name for seeded entities
 */
public record Author(String challenge, String by, Instant at) {

    /** The author of everything the roadmap document brings in on first start. */
    public static final String ROADMAP_SEED = "roadmap-seed";

    public static Author seed(String challenge, Instant at) {
        return new Author(challenge, ROADMAP_SEED, at);
    }
}
