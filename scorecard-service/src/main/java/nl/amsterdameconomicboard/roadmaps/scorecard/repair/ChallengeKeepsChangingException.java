package nl.amsterdameconomicboard.roadmaps.scorecard.repair;

/** The challenge changed during every attempt to rebuild its projections; they hold a recent state, not the latest. */
class ChallengeKeepsChangingException extends RuntimeException {

    ChallengeKeepsChangingException(String challenge, int attempts) {
        super(challenge + " changed during each of " + attempts + " attempts to rebuild its projections; try again when it is quieter");
    }
}
