package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

public enum InitiativeStatus {
    PLANNED, RUNNING, COMPLETED, STOPPED
}
