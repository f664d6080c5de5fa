package nl.amsterdameconomicboard.roadmaps.scorecard.edition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scorecard editions: published by the Board (or an admin), public to read, never changed. */
@RestController
@RequestMapping("/api/scorecards/editions")
class EditionController {

    private final Editions editions;

    EditionController(Editions editions) {
        this.editions = editions;
    }

    @PostMapping
    ResponseEntity<Edition> publish(@Valid @RequestBody PublishRequest request, @AuthenticationPrincipal Jwt token) {
        try {
            Edition edition = editions.publish(request.title().strip(), request.note(), token.getClaimAsString("preferred_username"));
            return ResponseEntity.created(URI.create("/api/scorecards/editions/" + edition.id())).body(edition);
        } catch (EditionConflictException e) {
            throw Problems.refusal(HttpStatus.CONFLICT, "edition-conflict", Problems.inClientLanguage(e.getMessage(),
                    "Er is precies deze seconde al een editie gepubliceerd; wacht even en publiceer opnieuw."));
        }
    }

    @GetMapping
    List<Editions.EditionSummary> list() {
        return editions.list();
    }

    @GetMapping("/{id}")
    Edition edition(@PathVariable String id) {
        return find(id);
    }

    /** What changed since the edition before it. */
    @GetMapping("/{id}/diff")
    EditionDiff diff(@PathVariable String id) {
        Edition edition = find(id);
        return EditionDiff.between(editions.previous(edition).orElse(null), edition);
    }

    private Edition find(String id) {
        return editions.byId(id).orElseThrow(() -> Problems.refusal(HttpStatus.NOT_FOUND, "not-found",
                Problems.inClientLanguage("No scorecard edition '" + id + "'.", "Er is geen scorecard-editie '" + id + "'.")));
    }

    record PublishRequest(@NotBlank(message = "{scorecard.edition.title}") @Size(max = 200) String title,
                          @Size(max = 4000) String note) {
    }
}
