package nl.amsterdameconomicboard.roadmaps.scorecard.edition;

public class EditionConflictException extends RuntimeException {

    public EditionConflictException(String message) {
        super(message);
    }
}
