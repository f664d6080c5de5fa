package nl.amsterdameconomicboard.roadmaps.challenge.security;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who calls the API, as the token names them: a person (editor, partner, the Board) or a machine client.
 *
 * @param organisation the partner organisation the token carries (claim {@code organisation}), or null
 */
public record Caller(String username, List<String> roles, String organisation) {

    public static Caller of(Jwt token) {
        String username = token.getClaimAsString("preferred_username");
        return new Caller(username != null ? username : token.getSubject(), KeycloakRealmRoles.roles(token),
                token.getClaimAsString("organisation"));
    }

    public boolean admin() {
        return roles.contains(KeycloakRealmRoles.ADMIN);
    }

    /** The challenge team (its editors) or an admin. */
    public boolean edits(String challenge) {
        return admin() || roles.contains(challenge + "-editor");
    }
}
