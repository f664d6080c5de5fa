package nl.amsterdameconomicboard.roadmaps.challenge.revision;

public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String id) {
        super("No " + kind.toLowerCase() + " '" + id + "' in this challenge.");
    }
}
