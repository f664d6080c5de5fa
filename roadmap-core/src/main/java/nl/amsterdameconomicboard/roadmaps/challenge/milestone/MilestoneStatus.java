package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a milestone stands. The lifecycle: PLANNED, then ON_TRACK or AT_RISK (which may alternate),
 * then closed as ACHIEVED or MISSED. Only an admin reopens a closed milestone (back to ON_TRACK or AT_RISK).
 */
public enum MilestoneStatus {
    PLANNED("gepland"), ON_TRACK("op koers"), AT_RISK("risico"), ACHIEVED("behaald"), MISSED("niet behaald");

    private final String inDutch;

    MilestoneStatus(String inDutch) {
        this.inDutch = inDutch;
    }

    /** The status in the words the dashboard uses in its Dutch view (for texts the service writes itself, e.g. the calendar). */
    public String inDutch() {
        return inDutch;
    }

    public boolean isClosed() {
        return this == ACHIEVED || this == MISSED;
    }

    /** Why a change from this status to {@code target} is refused, or empty if it is allowed. */
    public Optional<String> refusalOf(MilestoneStatus target, boolean byAdmin) {
        if (target == this) {
            return Optional.of("The milestone is already " + this + ".");
        }
        if (target == PLANNED) {
            return Optional.of("A milestone cannot go back to PLANNED.");
        }
        if (isClosed()) {
            if (target.isClosed()) {
                return Optional.of("A closed milestone (" + this + ") cannot be closed again as " + target + "; reopen it first.");
            }
            return byAdmin ? Optional.empty() : Optional.of("Only an admin may reopen a milestone that is " + this + ".");
        }
        if (this == PLANNED && target.isClosed()) {
            return Optional.of("A PLANNED milestone is first ON_TRACK or AT_RISK before it is " + target + ".");
        }
        return Optional.empty();
    }

    public static Optional<MilestoneStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
