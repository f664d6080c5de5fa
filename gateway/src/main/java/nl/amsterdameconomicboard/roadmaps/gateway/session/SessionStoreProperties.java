package nl.amsterdameconomicboard.roadmaps.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.session.*}. How long a signed-in session lasts without use is Spring Boot's
 * {@code spring.session.timeout} (application.yaml).
 *
 * @param signInTimeout how long a started sign-in may take at Keycloak before it must be started again
 *                      (the life of {@link SignInCookie})
 * @param sweepInterval how often expired sessions are deleted, for stores without MongoDB's TTL monitor
 */
@ConfigurationProperties("gateway.session")
record SessionStoreProperties(@DefaultValue("10m") Duration signInTimeout, @DefaultValue("1m") Duration sweepInterval) {
}
