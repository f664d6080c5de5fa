package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.PendingEvent;

/**
 * An entity of the roadmap that changes only through its own methods, each returning a {@link Change}. Its document
 * carries its history and the events of its changes not yet published, so that a change is one single-document write.
 *
 * @param <H> the kind of history entry it keeps
 */
public interface Aggregate<H> {

    /** The document id. */
    String id();

    /** Rises by one with every change; the entity's ETag and its events' revision. */
    long revision();

    List<H> history();

    List<PendingEvent> pendingEvents();
}
