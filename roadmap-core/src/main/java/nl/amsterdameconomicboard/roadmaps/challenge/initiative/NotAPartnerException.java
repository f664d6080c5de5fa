package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;

/** Progress posted by an organisation that is not a partner of the initiative; nothing was written. */
public class NotAPartnerException extends Refusal {

    NotAPartnerException(String initiative, String organisation) {
        super(Kind.FORBIDDEN, "forbidden", null, organisation == null ? "initiative.not-a-partner.no-organisation" : "initiative.not-a-partner",
                initiative, organisation);
    }
}
