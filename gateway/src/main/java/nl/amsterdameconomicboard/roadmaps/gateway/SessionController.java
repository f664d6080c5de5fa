package nl.amsterdameconomicboard.roadmaps.gateway;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in at the gateway, for the pages it serves. */
@RestController
class SessionController {

    @GetMapping("/me")
    Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
        if (user == null) {
            return Map.of("authenticated", false);
        }
        return Map.of(
                "authenticated", true,
                "username", user.getPreferredUsername(),
                "name", user.getFullName() == null ? user.getPreferredUsername() : user.getFullName());
    }
}
