package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reminders: what needs an editor's attention, and the weekly digest by e-mail. The mail server is Spring Boot's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, …); without it, or without the Keycloak client's secret, no digest is
 * sent (the attention list in the dashboard works without either).
 *
 * @param dueWithin    a milestone whose deadline is at most this far ahead is due
 * @param staleAfter   an indicator without a measurement (or baseline) for longer than this is stale
 * @param interval     at most one digest per person within this time
 * @param from         the digest's sender
 * @param dashboardUrl where the digest links to
 * @param keycloak     the confidential client whose service account may view the realm's users (and nothing else)
 */
@ConfigurationProperties("reminders")
public record ReminderProperties(Duration dueWithin, Duration staleAfter, Duration interval, String from, String dashboardUrl,
                                 Keycloak keycloak) {

    public ReminderProperties {
        dueWithin = dueWithin == null ? Duration.ofDays(30) : dueWithin;
        staleAfter = staleAfter == null ? Duration.ofDays(120) : staleAfter;
        interval = interval == null ? Duration.ofDays(7) : interval;
        keycloak = keycloak == null ? new Keycloak(null, null, null, null) : keycloak;
    }

    /** @param clientSecret no default: without it no digest is sent, and nothing falls back to a demo secret */
    public record Keycloak(String url, String realm, String clientId, String clientSecret) {

        boolean configured() {
            return url != null && !url.isBlank() && realm != null && clientId != null && clientSecret != null && !clientSecret.isBlank();
        }
    }
}
