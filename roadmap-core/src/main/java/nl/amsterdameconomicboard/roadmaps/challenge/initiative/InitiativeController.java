package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import jakarta.validation.Valid;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.change.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.change.PageOf;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Revisions;
import nl.amsterdameconomicboard.roadmaps.challenge.change.UnknownEntityException;
import nl.amsterdameconomicboard.roadmaps.challenge.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/${roadmap.challenge.code}/initiatives")
class InitiativeController {

    private final Initiatives initiatives;
    private final ChallengeProperties challenge;

    InitiativeController(Initiatives initiatives, ChallengeProperties challenge) {
        this.initiatives = initiatives;
        this.challenge = challenge;
    }

    @GetMapping
    PageOf<InitiativeView> list(@RequestParam(required = false) String spearhead, @RequestParam(required = false) String tag,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageOf<Initiative> found = initiatives.list(spearhead, tag, page, size);
        return new PageOf<>(found.items().stream().map(this::view).toList(), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    ResponseEntity<InitiativeView> show(@PathVariable String id) {
        return withETag(find(id), HttpStatus.OK);
    }

    @PostMapping
    ResponseEntity<InitiativeView> create(@Valid @RequestBody InitiativeRequest request, @AuthenticationPrincipal Jwt token) {
        Initiative created = initiatives.create(request, Caller.of(token).username());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .eTag(Revisions.toETag(created.revision())).body(view(created));
    }

    @PutMapping("/{id}")
    ResponseEntity<InitiativeView> update(@PathVariable String id, @Valid @RequestBody InitiativeRequest request,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @AuthenticationPrincipal Jwt token) {
        return withETag(initiatives.update(id, request, Caller.of(token).username(), Revisions.fromIfMatch(ifMatch)), HttpStatus.OK);
    }

    /** Partners of the initiative (their organisation from the token) and the challenge team post progress. */
    @PostMapping("/{id}/progress")
    ResponseEntity<InitiativeView> reportProgress(@PathVariable String id, @Valid @RequestBody ProgressRequest request,
                                                  @AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.of(token);
        return withETag(initiatives.reportProgress(id, request, caller.username(), caller.organisation(), caller.edits(challenge.code())),
                HttpStatus.CREATED);
    }

    /** Every progress update, the latest first; as public as the initiative. */
    @GetMapping("/{id}/progress")
    PageOf<ProgressUpdate> progress(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        return initiatives.progress(find(id), page, size);
    }

    /** Who changed what and when, the latest first; for editors, admin and the Board (see the security configuration). */
    @GetMapping("/{id}/history")
    PageOf<HistoryEntry> history(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return initiatives.history(find(id), page, size);
    }

    private Initiative find(String id) {
        return initiatives.byId(id).orElseThrow(() -> new UnknownEntityException(Initiatives.KIND, id));
    }

    private ResponseEntity<InitiativeView> withETag(Initiative initiative, HttpStatus status) {
        return ResponseEntity.status(status).eTag(Revisions.toETag(initiative.revision())).body(view(initiative));
    }

    private InitiativeView view(Initiative initiative) {
        return InitiativeView.of(initiative, challenge.code());
    }
}
