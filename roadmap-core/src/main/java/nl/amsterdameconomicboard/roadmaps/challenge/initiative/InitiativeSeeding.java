package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.history.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneSeeding;
import org.springframework.stereotype.Component;

/** Initiatives the roadmap document names, announced by their first event. */
@Component
public class InitiativeSeeding {

    private final ChallengeProperties challenge;

    InitiativeSeeding(ChallengeProperties challenge) {
        this.challenge = challenge;
    }

    public Initiative announced(String id, String spearhead, BilingualText title, BilingualText description, LocalDate startDate,
                                LocalDate endDate, InitiativeStatus status, List<String> links, List<Partner> partners,
                                List<String> tags, Instant at) {
        String by = MilestoneSeeding.SEED_AUTHOR;
        List<HistoryEntry> history = List.of(new HistoryEntry(at, by, "announced", "From the Board's roadmap document", 1));
        Initiative initiative = new Initiative(id, spearhead, title, description, startDate, endDate, status, links, partners, tags,
                List.of(), at, 1, history, List.of());
        return new Initiative(id, spearhead, title, description, startDate, endDate, status, links, partners, tags, List.of(), at, 1,
                history, List.of(InitiativeEvents.changed(challenge.code(), initiative, "announced", null, by, at, 1)));
    }
}
