package nl.amsterdameconomicboard.roadmaps.challenge.announcement;

import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.SnapshotSource;
import nl.amsterdameconomicboard.roadmaps.challenge.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-announces this challenge's whole current state as snapshot events (admin only), so that a new scorecard can
 * bootstrap even when old events are gone from the topics.
 */
@RestController
class AnnouncementController {

    private final List<SnapshotSource> sources;

    AnnouncementController(List<SnapshotSource> sources) {
        this.sources = sources;
    }

    @PostMapping("/api/${roadmap.challenge.code}/announcements")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> announceAll(@AuthenticationPrincipal Jwt token) {
        String by = Caller.of(token).username();
        return Map.of("announced", sources.stream().mapToInt(s -> s.announceAll(by)).sum());
    }
}
