package nl.amsterdameconomicboard.roadmaps.challenge.outbox;

/** A kind of entity that can re-announce the current state of all its entities as snapshot events. */
public interface SnapshotSource {

    /** @return how many entities were announced */
    int announceAll(String by);
}
