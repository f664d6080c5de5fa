package nl.amsterdameconomicboard.roadmaps.events;

/** A text in the Board's two languages: the original Dutch and its English translation. */
public record LocalizedText(String nl, String en) {
}
