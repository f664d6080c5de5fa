package nl.amsterdameconomicboard.roadmaps.challenge.security;

import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who makes a change, as the token names them; recorded in the history and the events. */
public record Editor(String username, boolean admin) {

    public static Editor of(Jwt token) {
        String username = token.getClaimAsString("preferred_username");
        return new Editor(username != null ? username : token.getSubject(),
                KeycloakRealmRoles.roles(token).contains(KeycloakRealmRoles.ADMIN));
    }
}
