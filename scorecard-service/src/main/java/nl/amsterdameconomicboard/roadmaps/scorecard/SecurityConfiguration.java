package nl.amsterdameconomicboard.roadmaps.scorecard;

import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Scorecards, editions and the open data are public; a signed-in editor reads what needs their attention; the Board
 * (or an admin) publishes editions; an admin rebuilds a challenge's projections and sends the reminder digests now.
 * A token, when sent, is checked.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return KeycloakResourceServer.configure(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/scorecards", "/api/scorecards/**", "/api/opendata/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reminders/attention").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/reminders/digests").hasRole(KeycloakRealmRoles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/scorecards/editions").hasAnyRole(KeycloakRealmRoles.BOARD, KeycloakRealmRoles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/scorecards/*/rebuild").hasRole(KeycloakRealmRoles.ADMIN)
                        .anyRequest().denyAll())
                .build();
    }
}
