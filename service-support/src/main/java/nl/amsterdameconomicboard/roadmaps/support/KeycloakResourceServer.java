package nl.amsterdameconomicboard.roadmaps.support;

import jakarta.servlet.DispatcherType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * How every service takes requests: stateless, bearer tokens of the platform's Keycloak realm checked by the
 * service itself (issuer, signature and audience come from {@code spring.security.oauth2.resourceserver.jwt.*}),
 * realm roles as {@code ROLE_*}, refusals as problem+json, health and metrics open for probes and scrapers.
 * Each service adds only its own authorization rules.
 */
public final class KeycloakResourceServer {

    private KeycloakResourceServer() {
    }

    public static HttpSecurity configure(HttpSecurity http) throws Exception {
        ProblemJsonSecurityHandlers problems = new ProblemJsonSecurityHandlers();
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
        roles.setPrincipalClaimName("preferred_username");
        return http
                // error pages are rendered for requests that were already authorised; a 500 must stay a 500
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // on the service's own port only; the gateway routes no /actuator
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies, no ambient credentials: bearer tokens only
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }
}
