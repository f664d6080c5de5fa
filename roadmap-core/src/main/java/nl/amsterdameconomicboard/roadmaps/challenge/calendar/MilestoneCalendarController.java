package nl.amsterdameconomicboard.roadmaps.challenge.calendar;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.Milestones;
import nl.amsterdameconomicboard.roadmaps.challenge.roadmap.Challenge;
import nl.amsterdameconomicboard.roadmaps.challenge.roadmap.ChallengeRepository;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.Spearhead;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.SpearheadRepository;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/{challenge}/milestones.ics}: public, like the roadmap, so a calendar application can subscribe without signing in. */
@RestController
class MilestoneCalendarController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final ChallengeProperties challenge;
    private final ChallengeRepository challenges;
    private final Milestones milestones;
    private final SpearheadRepository spearheads;
    private final Clock clock;

    MilestoneCalendarController(ChallengeProperties challenge, ChallengeRepository challenges, Milestones milestones,
                                SpearheadRepository spearheads, Clock clock) {
        this.challenge = challenge;
        this.challenges = challenges;
        this.milestones = milestones;
        this.spearheads = spearheads;
        this.clock = clock;
    }

    @GetMapping(path = "/api/${roadmap.challenge.code}/milestones.ics", produces = "text/calendar")
    ResponseEntity<String> calendar() {
        Map<String, String> titles = spearheads.findAll().stream().collect(Collectors.toMap(Spearhead::code,
                s -> s.title() != null && s.title().nl() != null ? s.title().nl() : s.code()));
        Challenge current = challenges.findById(challenge.code()).orElse(null);
        String ics = MilestoneCalendar.of(challenge.code(), current == null ? null : current.name(), milestones.all(), titles, clock.instant());
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + challenge.code() + "-milestones.ics\"")
                // calendar applications poll; an hour keeps them from asking every few minutes
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(ics);
    }
}
