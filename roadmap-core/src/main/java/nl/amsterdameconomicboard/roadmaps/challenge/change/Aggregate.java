package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;

/**
 * An entity of the roadmap that changes only through its own methods, each returning a {@link Change}. Its document
 * carries only bounded state and the events of its changes not yet published, so that a change is one single-document
 * write; its history and other growing lists live in their own collections ({@link Entries}).
 *
 * @param <H> the kind of history entry its changes record
 */
public interface Aggregate<H> {

    /** The document id. */
    String id();

    /** Rises by one with every change; the entity's ETag and its events' revision. */
    long revision();

    List<PendingEvent> pendingEvents();
}
