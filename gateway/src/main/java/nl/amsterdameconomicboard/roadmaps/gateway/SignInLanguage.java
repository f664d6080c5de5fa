package nl.amsterdameconomicboard.roadmaps.gateway;

import java.util.Set;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keycloak's sign-in page in the dashboard's language: {@code /oauth2/authorization/keycloak?lang=en} asks Keycloak for
 * English with the OIDC parameter {@code ui_locales}. Only the languages the realm offers pass; without one Keycloak
 * shows the realm's default (Dutch).
 */
final class SignInLanguage implements ServerOAuth2AuthorizationRequestResolver {

    private static final Set<String> LANGUAGES = Set.of("nl", "en");

    private final ServerOAuth2AuthorizationRequestResolver resolver;

    SignInLanguage(ServerOAuth2AuthorizationRequestResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return resolver.resolve(exchange).map(request -> inLanguage(request, exchange));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return resolver.resolve(exchange, clientRegistrationId).map(request -> inLanguage(request, exchange));
    }

    private static OAuth2AuthorizationRequest inLanguage(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        String language = exchange.getRequest().getQueryParams().getFirst("lang");
        if (language == null || !LANGUAGES.contains(language)) {
            return request;
        }
        return OAuth2AuthorizationRequest.from(request).additionalParameters(parameters -> parameters.put("ui_locales", language)).build();
    }
}
