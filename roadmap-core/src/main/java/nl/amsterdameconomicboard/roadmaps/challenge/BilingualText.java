package nl.amsterdameconomicboard.roadmaps.challenge;

/** A text of the roadmap: the original Dutch, verbatim, and its English translation. */
public record BilingualText(String nl, String en) {
}
