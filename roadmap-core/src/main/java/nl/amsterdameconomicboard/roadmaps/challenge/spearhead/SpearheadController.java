package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import jakarta.validation.Valid;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.change.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.change.PageOf;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Revisions;
import nl.amsterdameconomicboard.roadmaps.challenge.change.UnknownEntityException;
import nl.amsterdameconomicboard.roadmaps.challenge.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/${roadmap.challenge.code}/spearheads")
class SpearheadController {

    private final SpearheadRepository spearheads;
    private final Spearheads changes;

    SpearheadController(SpearheadRepository spearheads, Spearheads changes) {
        this.spearheads = spearheads;
        this.changes = changes;
    }

    @GetMapping
    List<SpearheadView> list() {
        return spearheads.findAllByOrderByPositionAsc().stream().map(SpearheadView::of).toList();
    }

    @GetMapping("/{code}")
    ResponseEntity<SpearheadView> show(@PathVariable String code) {
        Spearhead spearhead = find(code);
        return ResponseEntity.ok().eTag(Revisions.toETag(spearhead.revision())).body(SpearheadView.of(spearhead));
    }

    @PutMapping("/{code}")
    ResponseEntity<SpearheadView> change(@PathVariable String code, @Valid @RequestBody SpearheadRequest request,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal Jwt token) {
        Spearhead changed = changes.change(code, request, Caller.of(token).username(), Revisions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Revisions.toETag(changed.revision())).body(SpearheadView.of(changed));
    }

    /** Who changed what and when, the latest first; for editors, admin and the Board. */
    @GetMapping("/{code}/history")
    PageOf<HistoryEntry> history(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return changes.history(find(code), page, size);
    }

    private Spearhead find(String code) {
        return spearheads.findById(code).orElseThrow(() -> new UnknownEntityException(Spearheads.KIND, code));
    }
}
