package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

/**
 * A register that computed indicators count (initiatives, their partners, a challenge's own) changed, so their
 * counts may have moved. Published by the registers' owners; declared here, where it is heard.
 */
public record RegisterChanged() {
}
