package nl.amsterdameconomicboard.roadmaps.scorecard.intake;

/**
 * An event whose payload names another challenge than the service it comes from (its CloudEvents {@code source}).
 * Never applied and never retried: it goes where records the scorecard cannot apply go.
 */
class ForgedEventException extends RuntimeException {

    ForgedEventException(String message) {
        super(message);
    }
}
