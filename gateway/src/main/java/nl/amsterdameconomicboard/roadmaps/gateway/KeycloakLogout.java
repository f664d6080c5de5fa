package nl.amsterdameconomicboard.roadmaps.gateway;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Signing out ends the Keycloak session too (RP-initiated logout), so that the next "Sign in" asks for a password
 * again. The gateway knows Keycloak's endpoints from configuration, not from discovery, so it builds the logout URL.
 */
class KeycloakLogout implements ServerLogoutSuccessHandler {

    private final String realmUrl;

    KeycloakLogout(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        ServerHttpRequest request = exchange.getExchange().getRequest();
        String home = UriComponentsBuilder.fromUri(request.getURI()).replacePath("/").replaceQuery(null).build().toUriString();
        URI target = URI.create(home);
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            target = UriComponentsBuilder.fromUriString(realmUrl + "/protocol/openid-connect/logout")
                    .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", home)
                    .build().encode().toUri();
        }
        exchange.getExchange().getResponse().setStatusCode(HttpStatus.FOUND);
        exchange.getExchange().getResponse().getHeaders().setLocation(target);
        return Mono.empty();
    }
}
