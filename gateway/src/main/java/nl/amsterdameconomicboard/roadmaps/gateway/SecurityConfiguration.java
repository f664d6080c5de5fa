package nl.amsterdameconomicboard.roadmaps.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Browsers sign in here (OIDC authorization code with PKCE against Keycloak; the session stays at the gateway and
 * its access token is relayed to the services). API clients send their own bearer token, which passes through.
 * The gateway authorises nothing under /api/**: every service checks tokens and roles itself.
 */
@Configuration
class SecurityConfiguration {

    /** Spring Session's default cookie name for WebFlux. */
    static final String SESSION_COOKIE = "SESSION";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");

        return http
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/api/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico", "/me").permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
                .oauth2Login(login -> login.authorizationRequestResolver(pkce))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(unsafeWithAmbientCredentials()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self' "
                                + "http://127.0.0.1:* http://localhost:*")))
                .build();
    }

    /**
     * CSRF protects requests that the browser authenticates by itself, with the gateway's session cookie. A request
     * with its own bearer token, or without a session, carries no ambient credential to abuse: it passes on and the
     * service answers 401 if it needs a token.
     */
    private static ServerWebExchangeMatcher unsafeWithAmbientCredentials() {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE;
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            boolean session = exchange.getRequest().getCookies().containsKey(SESSION_COOKIE);
            return !safe && !bearer && session ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** The CSRF cookie is only written once the token is used; subscribe so that every page gets it. */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
            return token.then(chain.filter(exchange));
        };
    }
}
