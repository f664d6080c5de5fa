package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

public class MilestoneNotFoundException extends RuntimeException {

    public MilestoneNotFoundException(String id) {
        super("No milestone '" + id + "' in this challenge.");
    }
}
