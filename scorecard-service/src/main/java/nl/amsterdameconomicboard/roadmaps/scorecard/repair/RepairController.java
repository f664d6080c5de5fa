package nl.amsterdameconomicboard.roadmaps.scorecard.repair;

import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardProperties;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** An admin repairs a challenge's projections from its service's current state ({@link ProjectionRepair}). */
@RestController
class RepairController {

    private final ProjectionRepair repair;
    private final ScorecardProperties properties;

    RepairController(ProjectionRepair repair, ScorecardProperties properties) {
        this.repair = repair;
        this.properties = properties;
    }

    @PostMapping("/api/scorecards/{challenge}/rebuild")
    ProjectionRepair.Rebuilt rebuild(@PathVariable String challenge, @AuthenticationPrincipal Jwt token) {
        if (!properties.challenges().contains(challenge)) {
            throw Problems.refusal(HttpStatus.NOT_FOUND, "not-found",
                    "No challenge '" + challenge + "'; the Board's challenges are " + properties.challenges() + ".");
        }
        try {
            return repair.rebuild(challenge, token.getTokenValue(), token.getClaimAsString("preferred_username"));
        } catch (RestClientResponseException e) {
            throw Problems.refusal(HttpStatus.BAD_GATEWAY, "challenge-service-refused",
                    "The " + challenge + " service answered " + e.getStatusCode().value() + "; nothing was rebuilt.");
        } catch (RestClientException e) {
            throw Problems.refusal(HttpStatus.BAD_GATEWAY, "challenge-service-unavailable",
                    "The " + challenge + " service could not be read (" + e.getMessage() + "); nothing was rebuilt.");
        } catch (ChallengeKeepsChangingException e) {
            throw Problems.refusal(HttpStatus.SERVICE_UNAVAILABLE, "challenge-keeps-changing", e.getMessage());
        }
    }
}
