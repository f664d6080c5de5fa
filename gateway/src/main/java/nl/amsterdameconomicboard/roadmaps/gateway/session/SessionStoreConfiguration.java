package nl.amsterdameconomicboard.roadmaps.gateway.session;

import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * Sessions and the tokens they hold in MongoDB ({@code spring.mongodb.uri}, database {@code spring.mongodb.database}),
 * sign-ins under way in a sealed cookie. Spring Boot 4 has no Spring Session MongoDB support and Spring Session's
 * MongoDB module exists for it only as a milestone, so the repository is this package's own, on Spring Session core.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
@EnableConfigurationProperties(SessionStoreProperties.class)
public class SessionStoreConfiguration {

    /** Spring Boot's default for server.reactive.session.timeout, when neither it nor spring.session.timeout is set. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    @Bean
    MongoSessionRepository sessionRepository(ReactiveMongoTemplate mongo, SessionTimeout timeout) {
        Duration configured = timeout.getTimeout();
        return new MongoSessionRepository(mongo, configured == null ? DEFAULT_TIMEOUT : configured, Clock.systemUTC());
    }

    @Bean
    ExpiredSessionSweeper expiredSessionSweeper(MongoSessionRepository sessions, SessionStoreProperties properties) {
        return new ExpiredSessionSweeper(sessions, properties.sweepInterval());
    }

    /**
     * The gateway is healthy only with its session store. Replaces Boot's Mongo health check, whose {@code hello}
     * command the embedded store does not know; {@code ping} works there and on every real MongoDB.
     */
    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return () -> mongo.getMongoDatabase().flatMap(database -> mongo.executeCommand(new Document("ping", 1))
                .map(answer -> answer.get("ok", Number.class).intValue() == 1
                        ? Health.up().withDetail("database", database.getName()).build()
                        : Health.down().withDetail("answer", answer.toJson()).build()));
    }

    /** Used by oauth2Login and by TokenRelay (through Spring Security's authorized client manager). */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository(ReactiveClientRegistrationRepository registrations) {
        return new SessionAuthorizedClients(registrations);
    }

    /** For {@code oauth2Login().authorizationRequestRepository(…)} in the gateway's security configuration. */
    @Bean
    ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> signInRequests(ReactiveMongoTemplate mongo,
                                                                                  SessionStoreProperties properties) {
        return new SignInCookie(new SignInKey(mongo), properties.signInTimeout(), Clock.systemUTC());
    }
}
