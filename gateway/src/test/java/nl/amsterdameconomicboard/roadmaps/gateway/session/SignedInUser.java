package nl.amsterdameconomicboard.roadmaps.gateway.session;

import java.net.URI;
import java.net.MalformedURLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** What a sign-in through Keycloak leaves in a session, shaped as Spring Security builds it from Keycloak's answers. */
public final class SignedInUser {

    private SignedInUser() {
    }

    public static SecurityContext securityContext(String username, Instant signedInAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        try {
            claims.put("iss", URI.create("http://127.0.0.1:8180/realms/mra").toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        claims.put("sub", "3f1c-" + username);
        claims.put("aud", List.of("mra-gateway"));
        claims.put("iat", signedInAt);
        claims.put("exp", signedInAt.plus(Duration.ofMinutes(5)));
        claims.put("preferred_username", username);
        claims.put("realm_access", new LinkedHashMap<>(Map.of("roles", List.of("mobility-editor", "default-roles-mra"))));
        claims.put("email_verified", true);
        OidcIdToken idToken = new OidcIdToken("id-token-of-" + username, signedInAt, signedInAt.plus(Duration.ofMinutes(5)), claims);
        OidcUserInfo userInfo = new OidcUserInfo(Map.of("sub", "3f1c-" + username, "preferred_username", username,
                "name", "Mobility Lead", "organisation", "Vervoerregio Amsterdam"));
        DefaultOidcUser user = new DefaultOidcUser(Set.of(new OidcUserAuthority(idToken, userInfo), new SimpleGrantedAuthority("SCOPE_openid")),
                idToken, userInfo, "preferred_username");
        return new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak"));
    }

    static Map<String, SessionAuthorizedClients.Tokens> tokens(String username, String access, Instant issuedAt, Duration lifetime,
                                                               String refresh) {
        return new java.util.HashMap<>(Map.of("keycloak", new SessionAuthorizedClients.Tokens(username,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, access, issuedAt, issuedAt.plus(lifetime), Set.of("openid", "profile")),
                new OAuth2RefreshToken(refresh, issuedAt))));
    }
}
