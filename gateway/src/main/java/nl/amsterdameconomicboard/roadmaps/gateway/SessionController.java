package nl.amsterdameconomicboard.roadmaps.gateway;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in at the gateway, with their roles and organisation, so the dashboard shows only the controls they may use. */
@RestController
class SessionController {

    @GetMapping("/me")
    Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
        if (user == null) {
            return Map.of("authenticated", false);
        }
        Map<String, Object> realmAccess = user.getClaimAsMap("realm_access");
        Object roles = realmAccess == null ? List.of() : realmAccess.getOrDefault("roles", List.of());
        String organisation = user.getClaimAsString("organisation");
        return Map.of(
                "authenticated", true,
                "username", user.getPreferredUsername(),
                "name", user.getFullName() == null ? user.getPreferredUsername() : user.getFullName(),
                "roles", roles,
                "organisation", organisation == null ? "" : organisation);
    }
}
