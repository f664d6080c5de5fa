package nl.amsterdameconomicboard.roadmaps.challenge.security;

import java.util.List;
import java.util.Locale;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who calls the API, as the token names them: a person (editor, partner, the Board) or a machine client.
 *
 * @param organisation the partner organisation the token carries (claim {@code organisation}), or null
 */
public record Caller(String username, List<String> roles, String organisation) {

    /** How Keycloak names the user behind a client's service account (client-credentials grant). */
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    public static Caller of(Jwt token) {
        String username = token.getClaimAsString("preferred_username");
        return new Caller(username != null ? machineClient(token, username) : token.getSubject(), KeycloakRealmRoles.roles(token),
                token.getClaimAsString("organisation"));
    }

    /**
     * A machine client by its client id ({@code mobility-importer}), as history entries and events record it; a person
     * by their username. A service account's token names the user {@code service-account-<client>} and carries the
     * client in {@code client_id} and {@code azp}: only when they agree is it that client, so a person whose username
     * merely begins so, signed in through the gateway's client, stays who they are.
     */
    private static String machineClient(Jwt token, String username) {
        if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return username;
        }
        String client = token.getClaimAsString("client_id") != null ? token.getClaimAsString("client_id") : token.getClaimAsString("azp");
        return client != null && username.equals(SERVICE_ACCOUNT_PREFIX + client.toLowerCase(Locale.ROOT)) ? client : username;
    }

    public boolean admin() {
        return roles.contains(KeycloakRealmRoles.ADMIN);
    }

    /** The challenge team (its editors) or an admin. */
    public boolean edits(String challenge) {
        return admin() || roles.contains(challenge + "-editor");
    }
}
