package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import nl.amsterdameconomicboard.roadmaps.challenge.change.InvalidFieldException;
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
@RequestMapping("/api/${roadmap.challenge.code}/milestones")
class MilestoneController {

    private final Milestones milestones;
    private final Clock clock;

    MilestoneController(Milestones milestones, Clock clock) {
        this.milestones = milestones;
        this.clock = clock;
    }

    @GetMapping
    PageOf<MilestoneView> list(@RequestParam(required = false) String spearhead,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return milestones.list(spearhead, page, size);
    }

    /** Every status change with its note, who and when, the latest first; for editors, admin and the Board. */
    @GetMapping("/{id}/history")
    PageOf<StatusChange> history(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return milestones.history(milestones.byId(id).orElseThrow(() -> new UnknownEntityException("Milestone", id)), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<MilestoneView> show(@PathVariable String id) {
        Milestone milestone = milestones.byId(id).orElseThrow(() -> new UnknownEntityException("Milestone", id));
        return withETag(milestone);
    }

    @PutMapping("/{id}/status")
    ResponseEntity<MilestoneView> changeStatus(@PathVariable String id,
                                               @Valid @RequestBody ChangeStatusRequest request,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @AuthenticationPrincipal Jwt token) {
        MilestoneStatus target = MilestoneStatus.parse(request.status()).orElseThrow(() -> new InvalidFieldException(
                "status", "milestone.status.unknown", List.of(MilestoneStatus.values()).toString(), request.status()));
        OptionalLong expectedRevision = Revisions.fromIfMatch(ifMatch);
        Caller caller = Caller.of(token);
        Milestone changed = milestones.changeStatus(id, target, request.note().strip(), caller.username(), caller.organisation(),
                caller.admin(), expectedRevision);
        return withETag(changed);
    }

    private ResponseEntity<MilestoneView> withETag(Milestone milestone) {
        return ResponseEntity.ok()
                .eTag(Revisions.toETag(milestone.revision()))
                .body(MilestoneView.of(milestone, LocalDate.now(clock), milestones.latestChange(milestone)));
    }
}
