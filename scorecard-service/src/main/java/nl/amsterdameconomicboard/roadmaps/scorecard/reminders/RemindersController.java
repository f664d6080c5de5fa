package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardProperties;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What needs the signed-in editor's attention, and the admin's "send the digests now". */
@RestController
@RequestMapping("/api/reminders")
class RemindersController {

    private final ScorecardProperties challenges;
    private final ReminderProperties properties;
    private final Attention attention;
    private final Digests digests;

    RemindersController(ScorecardProperties challenges, ReminderProperties properties, Attention attention, Digests digests) {
        this.challenges = challenges;
        this.properties = properties;
        this.attention = attention;
        this.digests = digests;
    }

    /** The caller's challenges (those whose editor role the token has; every challenge for an admin) and what needs attention in each. */
    @GetMapping("/attention")
    AttentionList mine(@AuthenticationPrincipal Jwt token) {
        List<String> roles = KeycloakRealmRoles.roles(token);
        boolean admin = roles.contains(KeycloakRealmRoles.ADMIN);
        List<ChallengeAttention> theirs = challenges.challenges().stream().filter(c -> admin || roles.contains(c + "-editor"))
                .map(c -> new ChallengeAttention(c, attention.of(c))).toList();
        return new AttentionList(attention.today(), properties.dueWithin().toDays(), properties.staleAfter().toDays(), theirs);
    }

    /**
     * Sends the digests now, to every editor not sent one within the interval: the weekly rule holds here too, so a
     * second call the same day sends nothing again.
     */
    @PostMapping("/digests")
    Digests.Report sendNow() {
        digests.notConfigured().ifPresent(reason -> {
            throw Problems.refusal(HttpStatus.SERVICE_UNAVAILABLE, "reminders-not-configured", "No digests can be sent: " + reason + ".");
        });
        return digests.send();
    }

    record AttentionList(LocalDate asOf, long dueWithinDays, long staleAfterDays, List<ChallengeAttention> challenges) {
    }

    record ChallengeAttention(String challenge, List<AttentionItem> items) {
    }
}
