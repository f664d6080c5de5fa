package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

/** Whether more (UP) or less (DOWN) is better. */
public enum Direction {
    UP, DOWN
}
