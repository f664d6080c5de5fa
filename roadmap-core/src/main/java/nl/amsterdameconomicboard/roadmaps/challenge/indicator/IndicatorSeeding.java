package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.history.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneSeeding;
import org.springframework.stereotype.Component;

/** New indicators from the roadmap document, announced to the scorecard by their first event. */
@Component
public class IndicatorSeeding {

    private final ChallengeProperties challenge;

    IndicatorSeeding(ChallengeProperties challenge) {
        this.challenge = challenge;
    }

    public Indicator announced(String id, String spearhead, int position, BilingualText name, String unit, Baseline baseline,
                               double target, LocalDate deadline, Direction direction, BilingualText source, String updateFrequency,
                               ComputedFrom computedFrom, Instant at) {
        String frequency = updateFrequency == null ? Indicator.DEFAULT_UPDATE_FREQUENCY : Period.parse(updateFrequency).toString();
        String by = MilestoneSeeding.SEED_AUTHOR;
        Indicator indicator = new Indicator(id, spearhead, position, name, unit, baseline, target, deadline, direction, source, frequency,
                computedFrom, List.of(), 1, List.of(new HistoryEntry(at, by, "announced", "From the Board's roadmap document", 1)), List.of());
        return new Indicator(id, spearhead, position, name, unit, baseline, target, deadline, direction, source, frequency, computedFrom,
                List.of(), 1, indicator.history(), List.of(IndicatorEvents.changed(challenge.code(), indicator, "announced", by, at, 1)));
    }
}
