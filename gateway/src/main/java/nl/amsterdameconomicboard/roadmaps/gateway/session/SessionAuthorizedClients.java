package nl.amsterdameconomicboard.roadmaps.gateway.session;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A signed-in user's access and refresh tokens, kept in their session (so in {@link MongoSessionRepository}, shared
 * by every gateway replica), which TokenRelay uses and refreshes.
 * <p>
 * Only the tokens are stored, not the whole {@link OAuth2AuthorizedClient}: that one carries its client registration
 * with the gateway's client secret, which does not belong in every session document, and a rotated secret must be
 * used by existing sessions' next refresh. The registration is looked up from the configuration on every load.
 */
final class SessionAuthorizedClients implements ServerOAuth2AuthorizedClientRepository {

    static final String ATTRIBUTE = SessionAuthorizedClients.class.getName() + ".TOKENS";

    private final ReactiveClientRegistrationRepository registrations;

    SessionAuthorizedClients(ReactiveClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    /** What a session keeps of one authorized client. */
    record Tokens(String principalName, OAuth2AccessToken accessToken, OAuth2RefreshToken refreshToken) implements Serializable {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registrationId, Authentication principal,
                                                                           ServerWebExchange exchange) {
        return exchange.getSession()
                .mapNotNull(session -> tokensOf(session).get(registrationId))
                .flatMap(tokens -> registrations.findByRegistrationId(registrationId)
                        .map(registration -> (T) new OAuth2AuthorizedClient(registration, tokens.principalName(), tokens.accessToken(),
                                tokens.refreshToken())));
    }

    @Override
    public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, ServerWebExchange exchange) {
        return exchange.getSession().doOnNext(session -> {
            Map<String, Tokens> tokens = new HashMap<>(tokensOf(session));
            tokens.put(client.getClientRegistration().getRegistrationId(),
                    new Tokens(client.getPrincipalName(), client.getAccessToken(), client.getRefreshToken()));
            session.getAttributes().put(ATTRIBUTE, tokens);
        }).then();
    }

    @Override
    public Mono<Void> removeAuthorizedClient(String registrationId, Authentication principal, ServerWebExchange exchange) {
        return exchange.getSession().doOnNext(session -> {
            Map<String, Tokens> tokens = new HashMap<>(tokensOf(session));
            if (tokens.remove(registrationId) == null) {
                return;
            }
            if (tokens.isEmpty()) {
                session.getAttributes().remove(ATTRIBUTE);
            } else {
                session.getAttributes().put(ATTRIBUTE, tokens);
            }
        }).then();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tokens> tokensOf(WebSession session) {
        Object tokens = session.getAttributes().get(ATTRIBUTE);
        return tokens == null ? Map.of() : (Map<String, Tokens>) tokens;
    }
}
