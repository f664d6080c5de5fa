package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

/**
 * An indicator the platform counts from one of its registers instead of people typing values in.
 *
 * @param register   which count: {@code initiatives-tagged} (initiatives carrying {@code tag}),
 *                   {@code initiative-partners} (partners of {@code initiative}), or one a challenge service adds
 * @param tag        for {@code initiatives-tagged}
 * @param initiative for {@code initiative-partners}
 */
public record ComputedFrom(String register, String tag, String initiative) {
}
