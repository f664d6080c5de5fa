package nl.amsterdameconomicboard.roadmaps.challenge.security;

import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reads of the roadmap are public, except change histories (editors, admin, the Board) and the outbox's parked
 * events (admin). Writes need this challenge's editor role or admin; partners post progress on initiatives (the
 * service checks their organisation).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ChallengeProperties challenge) throws Exception {
        return KeycloakResourceServer.configure(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/*/*/*/history")
                        .hasAnyRole(challenge.editorRole(), KeycloakRealmRoles.ADMIN, KeycloakRealmRoles.BOARD)
                        .requestMatchers("/api/*/outbox/**").hasRole(KeycloakRealmRoles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/*/announcements").hasRole(KeycloakRealmRoles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/*/initiatives/*/progress")
                        .hasAnyRole(challenge.editorRole(), KeycloakRealmRoles.ADMIN, KeycloakRealmRoles.PARTNER)
                        .requestMatchers("/api/**").hasAnyRole(challenge.editorRole(), KeycloakRealmRoles.ADMIN)
                        .anyRequest().denyAll())
                .build();
    }
}
