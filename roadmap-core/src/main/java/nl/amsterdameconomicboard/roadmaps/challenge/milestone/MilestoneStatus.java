package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import java.util.Arrays;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;

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

    /** The status in a refusal's message: its code in English (as the API takes it), the dashboard's word in Dutch. */
    Refusal.Words words() {
        return new Refusal.Words(name(), inDutch);
    }

    /** Why a change from this status to {@code target} is refused, or empty if it is allowed. */
    public Optional<IllegalStatusChangeException> refusalOf(MilestoneStatus target, boolean byAdmin) {
        if (target == this) {
            return Optional.of(new IllegalStatusChangeException("milestone.status.same", this));
        }
        if (target == PLANNED) {
            return Optional.of(new IllegalStatusChangeException("milestone.status.back-to-planned", PLANNED));
        }
        if (isClosed()) {
            if (target.isClosed()) {
                return Optional.of(new IllegalStatusChangeException("milestone.status.closed-again", this, target));
            }
            return byAdmin ? Optional.empty() : Optional.of(new IllegalStatusChangeException("milestone.status.reopen", this));
        }
        if (this == PLANNED && target.isClosed()) {
            return Optional.of(new IllegalStatusChangeException("milestone.status.planned-to-closed", PLANNED, ON_TRACK, AT_RISK, target));
        }
        return Optional.empty();
    }

    public static Optional<MilestoneStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
