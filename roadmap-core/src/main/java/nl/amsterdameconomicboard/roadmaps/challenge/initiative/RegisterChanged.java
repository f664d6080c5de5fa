package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

/** Initiatives or their partners changed: counts computed from them may have moved. */
public record RegisterChanged(String initiative) {
}
