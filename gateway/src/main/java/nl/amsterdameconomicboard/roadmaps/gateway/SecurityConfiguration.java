package nl.amsterdameconomicboard.roadmaps.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * Browsers sign in here (OIDC authorization code with PKCE against Keycloak; the session stays at the gateway and
 * its access token is relayed to the services). API clients send their own bearer token, which passes through.
 * The gateway authorises nothing under /api/**: every service checks tokens and roles itself.
 */
@Configuration
class SecurityConfiguration {


    /**
     * The embeddable scorecard is the one page other websites (the Board's own) may show in a frame; it is public and
     * read-only, so it needs no session and no CSRF.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain embeddableScorecard(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/embed.html"))
                .authorizeExchange(exchange -> exchange.anyExchange().permitAll())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors *")))
                .build();
    }

    @Bean
    SessionCookieSecurityContext sessionCookieSecurityContext(WebSessionIdResolver sessionIds) {
        return new SessionCookieSecurityContext(sessionIds);
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
                                           ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> signInRequests,
                                           SessionCookieSecurityContext securityContext,
                                           @Value("${keycloak.public-url}") String keycloakPublicUrl,
                                           @Value("${keycloak.realm}") String realm) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        return http
                .securityContextRepository(securityContext)
                .requestCache(cache -> cache.requestCache(securityContext.requestCache))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/api/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/webjars/**", "/favicon.ico", "/me").permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
                .oauth2Login(login -> login.authorizationRequestResolver(new SignInLanguage(pkce)).authorizationRequestRepository(signInRequests))
                .logout(logout -> logout
                        // signing out deletes the session from the store, tokens and all
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(new KeycloakLogout(keycloakPublicUrl + "/realms/" + realm)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(unsafeWithSession()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        // form-action: signing out posts here and is redirected on to Keycloak's logout
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                                + "form-action 'self' " + keycloakPublicUrl)))
                .build();
    }

    /**
     * CSRF protects every unsafe request that rides on a gateway session, whatever else it carries (the session's
     * token would replace any other). Requests without a session (API clients with their own bearer token) have no
     * ambient credential to abuse and pass on; the service answers 401 if they need a token.
     */
    private static ServerWebExchangeMatcher unsafeWithSession() {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE) {
                return ServerWebExchangeMatcher.MatchResult.notMatch();
            }
            return exchange.getSession().flatMap(session -> session.isStarted()
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch());
        };
    }

    /**
     * The dashboard reads the CSRF token from its cookie (XSRF-TOKEN) and sends it back on changes; the cookie is only
     * written once the token is used, so this uses it: on the dashboard's pages, and on API calls that ride on a
     * session. An API call that names no session (every anonymous read, every client with its own bearer token) needs
     * no token, as CSRF is checked only where a session is ({@link #unsafeWithSession()}): making one would cost a
     * random UUID on Spring Security's blocking-task threads (the rest of the request then continued on another
     * thread) and a Set-Cookie on every public read.
     */
    @Bean
    WebFilter csrfCookie(SessionCookieSecurityContext sessions) {
        return (exchange, chain) -> {
            if (exchange.getRequest().getPath().value().startsWith("/api/") && !sessions.namesASession(exchange)) {
                return chain.filter(exchange);
            }
            Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
            return token.then(chain.filter(exchange));
        };
    }

    /**
     * Spring Security would time every request and each of its filters as observations; the gateway exports no metrics
     * (actuator: health and info only), so they were work on every request that nobody could read.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
