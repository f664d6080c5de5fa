package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.Objects;

/**
 * An entry a change adds to a list that grows without limit (history, progress updates, measurements). It lives in
 * its own {@code collection}, one document per entity and revision, so the entity's document stays bounded.
 *
 * @param revision the revision of the change that adds it
 */
public record Appended(String collection, long revision, Object entry) {

    public Appended {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(entry, "entry");
    }
}
