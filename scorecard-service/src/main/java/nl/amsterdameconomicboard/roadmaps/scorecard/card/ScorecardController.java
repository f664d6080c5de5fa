package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardProperties;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ProjectionVersions;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Board's scorecards: public, computed from the states the events built, kept until the next event changes them.
 * A read whose challenges' versions have not moved touches neither the store nor JSON ({@link KeptResponses}); every
 * answer carries an {@code ETag}, and {@code If-None-Match} with it gets {@code 304 Not Modified}.
 */
@RestController
@RequestMapping("/api/scorecards")
class ScorecardController {

    /** The roadmap document dates from 2016: no scorecard before it. */
    private static final LocalDate EARLIEST = LocalDate.of(2016, 1, 1);

    private final ScorecardProperties properties;
    private final ScorecardCache scorecards;
    private final Clock clock;
    private final MilestoneProjection milestones;
    private final ProjectionVersions versions;
    private final KeptResponses kept;

    ScorecardController(ScorecardProperties properties, ScorecardCache scorecards, Clock clock, MilestoneProjection milestones,
                        ProjectionVersions versions, KeptResponses kept) {
        this.milestones = milestones;
        this.versions = versions;
        this.kept = kept;
        this.properties = properties;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    /** The Board overview: every challenge, in the Board's order, even those without events yet. */
    @GetMapping
    ResponseEntity<byte[]> overview(@RequestParam(required = false) String asOf) {
        LocalDate day = day("asOf", asOf);
        List<Long> shown = properties.challenges().stream().map(versions::of).toList();
        return kept.answer("overview/" + day, shown,
                () -> new BoardOverview(day, properties.challenges().stream().map(c -> scorecards.of(c, day)).toList()));
    }

    /** A challenge's scorecard, today or as it stood at the end of {@code asOf} (YYYY-MM-DD). */
    @GetMapping("/{challenge}")
    ResponseEntity<byte[]> challenge(@PathVariable String challenge, @RequestParam(required = false) String asOf) {
        String known = known(challenge);
        LocalDate day = day("asOf", asOf);
        return kept.answer("card/" + known + "/" + day, List.of(versions.of(known)), () -> scorecards.of(known, day));
    }

    /** The scorecard at every quarter end from {@code from} (default a year ago) to {@code to} (default today), for trend charts. */
    @GetMapping("/{challenge}/series")
    ResponseEntity<byte[]> series(@PathVariable String challenge, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to) {
        LocalDate end = day("to", to);
        LocalDate start = from == null ? end.minusYears(1) : day("from", from);
        if (start.isAfter(end)) {
            throw Problems.invalidField("from", Problems.inClientLanguage("must not be after to (" + end + ")",
                    "mag niet na to liggen (" + end + ")"));
        }
        if (start.plusYears(12).isBefore(end)) {
            throw Problems.invalidField("from", Problems.inClientLanguage("a series covers at most 12 years", "een reeks beslaat hoogstens 12 jaar"));
        }
        String known = known(challenge);
        return kept.answer("series/" + known + "/" + start + "/" + end, List.of(versions.of(known)),
                () -> scorecards.quarterly(known, start, end));
    }

    /** Each milestone's status as it stood at the end of {@code asOf} (default today), with the challenge's first known day. */
    @GetMapping("/{challenge}/milestones")
    ResponseEntity<byte[]> milestones(@PathVariable String challenge, @RequestParam(required = false) String asOf) {
        String known = known(challenge);
        LocalDate day = day("asOf", asOf);
        return kept.answer("milestones/" + known + "/" + day, List.of(versions.of(known)),
                () -> MilestonesAsOf.of(known, milestones.ofChallenge(known), day));
    }

    private String known(String challenge) {
        if (!properties.challenges().contains(challenge)) {
            throw Problems.refusal(HttpStatus.NOT_FOUND, "not-found",
                    Problems.inClientLanguage("No challenge '" + challenge + "'; the Board's challenges are " + properties.challenges() + ".",
                            "Er is geen uitdaging '" + challenge + "'; de uitdagingen van de Board zijn " + properties.challenges() + "."));
        }
        return challenge;
    }

    private LocalDate day(String field, String value) {
        LocalDate today = LocalDate.now(clock);
        if (value == null) {
            return today;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.isBefore(EARLIEST) || day.isAfter(today)) {
                throw Problems.invalidField(field, Problems.inClientLanguage("must be a day from " + EARLIEST + " to today (" + today + ")",
                        "moet een dag zijn van " + EARLIEST + " tot vandaag (" + today + ")"));
            }
            return day;
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, Problems.inClientLanguage("must be a date like 2017-12-31, not '" + value + "'",
                    "moet een datum zijn zoals 2017-12-31, niet '" + value + "'"));
        }
    }

    record BoardOverview(LocalDate asOf, List<ChallengeScorecard> challenges) {
    }
}
