package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a person was last sent a digest: one document per person, claimed by one guarded write before the mail goes
 * out, so a restarted or second scorecard instance sends nobody a second digest within the interval.
 *
 * @param id the realm's user id
 */
@Document("digest_sendings")
record DigestSending(@Id String id, String username, String email, Instant lastSentAt) {
}
