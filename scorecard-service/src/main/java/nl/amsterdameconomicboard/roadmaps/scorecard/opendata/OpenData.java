package nl.amsterdameconomicboard.roadmaps.scorecard.opendata;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardProperties;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.ChallengeScorecard;
import nl.amsterdameconomicboard.roadmaps.scorecard.card.IndicatorAssessment;
import nl.amsterdameconomicboard.roadmaps.scorecard.edition.Edition;
import nl.amsterdameconomicboard.roadmaps.scorecard.edition.EditionSeries;
import nl.amsterdameconomicboard.roadmaps.scorecard.edition.Editions;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import org.springframework.stereotype.Component;

/**
 * The open data: built from the same states and by the same assessment as the scorecards (today's), or from what an
 * edition froze (an edition's), so the figures are the scorecard's by construction.
 */
@Component
class OpenData {

    private static final Comparator<OpenIndicator> ORDER = Comparator.comparing((OpenIndicator i) -> i.spearhead() == null ? "" : i.spearhead())
            .thenComparing(OpenIndicator::indicator);

    private final ScorecardProperties properties;
    private final IndicatorProjection indicators;
    private final Editions editions;
    private final Clock clock;

    OpenData(ScorecardProperties properties, IndicatorProjection indicators, Editions editions, Clock clock) {
        this.properties = properties;
        this.indicators = indicators;
        this.editions = editions;
        this.clock = clock;
    }

    /** Every indicator of every challenge (in the Board's order of challenges, then by spearhead and indicator), today. */
    OpenDataset today() {
        LocalDate today = LocalDate.now(clock);
        List<OpenIndicator> all = new ArrayList<>();
        for (String challenge : properties.challenges()) {
            indicators.ofChallenge(challenge).stream().map(i -> i.asOf(today)).flatMap(Optional::stream)
                    .map(i -> OpenIndicator.of(challenge, IndicatorAssessment.of(i), i.baselineValue(), i.baselineDate(), i.measurements()))
                    .sorted(ORDER).forEach(all::add);
        }
        return new OpenDataset("Board Roadmaps: indicators", "Amsterdam Economic Board", OpenDataset.LICENCE, clock.instant(), today, null, all);
    }

    /** Every indicator as the edition published it: its scorecards' figures, with the series frozen at publication. */
    Optional<OpenDataset> edition(String id) {
        return editions.byId(id).map(edition -> {
            Map<String, EditionSeries> series = editions.seriesOf(edition).stream()
                    .collect(Collectors.toMap(s -> s.challenge() + "/" + s.indicator(), Function.identity()));
            List<OpenIndicator> all = new ArrayList<>();
            for (ChallengeScorecard card : edition.challenges()) {
                Stream.concat(card.indicators().stream(), card.spearheads().stream().flatMap(s -> s.indicators().stream())).map(a -> {
                    EditionSeries s = series.get(card.challenge() + "/" + a.indicator());
                    return s == null ? OpenIndicator.of(card.challenge(), a, null, null, List.<IndicatorState.Point>of())
                            : OpenIndicator.of(card.challenge(), a, s.baselineValue(), s.baselineDate(), s.measurements());
                }).sorted(ORDER).forEach(all::add);
            }
            return new OpenDataset("Board Roadmaps: indicators, " + edition.title(), "Amsterdam Economic Board", OpenDataset.LICENCE,
                    clock.instant(), edition.asOf(),
                    new OpenDataset.EditionRef(edition.id(), edition.title(), edition.publishedAt(), edition.asOf()), all);
        });
    }
}
