package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.Objects;

/**
 * An entry a change adds to a list that grows without limit (history, progress updates, measurements). It lives in
 * its own {@code collection}, one document per entity, revision and {@code sequence}, so the entity's document stays
 * bounded.
 *
 * @param revision the revision of the change that adds it
 * @param sequence which of the change's entries in that collection it is: 0 for the first (and, for most changes, the
 *                 only one); a change adding several (an import of measurements) numbers them 0, 1, 2 …
 */
public record Appended(String collection, long revision, int sequence, Object entry) {

    public Appended {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(entry, "entry");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
    }

    public Appended(String collection, long revision, Object entry) {
        this(collection, revision, 0, entry);
    }
}
