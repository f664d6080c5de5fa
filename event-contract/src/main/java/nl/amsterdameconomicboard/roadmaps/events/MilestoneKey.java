package nl.amsterdameconomicboard.roadmaps.events;

/** Milestone ids are unique within a challenge; the key {@code challenge/milestone} is unique on the topic. */
public final class MilestoneKey {

    private MilestoneKey() {
    }

    public static String of(String challenge, String milestone) {
        return challenge + "/" + milestone;
    }
}
