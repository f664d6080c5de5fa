package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import jakarta.validation.Valid;
import java.net.URI;
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
@RequestMapping("/api/${roadmap.challenge.code}/indicators")
class IndicatorController {

    private final Indicators indicators;

    IndicatorController(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    PageOf<IndicatorView> list(@RequestParam(required = false) String spearhead,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return indicators.list(spearhead, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<IndicatorView> show(@PathVariable String id) {
        return withETag(find(id), HttpStatus.OK);
    }

    /** The series, a page at a time, the newest date first. */
    @GetMapping("/{id}/measurements")
    PageOf<Measurement> measurements(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        return indicators.measurements(find(id), page, size);
    }

    @PostMapping("/{id}/measurements")
    ResponseEntity<IndicatorView> record(@PathVariable String id, @Valid @RequestBody MeasurementRequest request,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal Jwt token) {
        Indicator changed = indicators.record(id, request, Caller.of(token).username(), Revisions.fromIfMatch(ifMatch));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().build().toUri();
        return ResponseEntity.created(location).eTag(Revisions.toETag(changed.revision())).body(indicators.view(changed));
    }

    @PutMapping("/{id}/target")
    ResponseEntity<IndicatorView> changeTarget(@PathVariable String id, @Valid @RequestBody TargetRequest request,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @AuthenticationPrincipal Jwt token) {
        return withETag(indicators.changeTarget(id, request, Caller.of(token).username(), Revisions.fromIfMatch(ifMatch)), HttpStatus.OK);
    }

    /** Who changed what and when, the latest first; for editors, admin and the Board (see the security configuration). */
    @GetMapping("/{id}/history")
    PageOf<HistoryEntry> history(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return indicators.history(find(id), page, size);
    }

    private Indicator find(String id) {
        return indicators.byId(id).orElseThrow(() -> new UnknownEntityException(Indicators.KIND, id));
    }

    private ResponseEntity<IndicatorView> withETag(Indicator indicator, HttpStatus status) {
        return ResponseEntity.status(status).eTag(Revisions.toETag(indicator.revision())).body(indicators.view(indicator));
    }
}
