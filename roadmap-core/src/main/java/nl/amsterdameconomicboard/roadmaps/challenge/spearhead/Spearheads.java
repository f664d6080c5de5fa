package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.events.PendingEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.events.SnapshotSource;
import nl.amsterdameconomicboard.roadmaps.challenge.events.Snapshots;
import nl.amsterdameconomicboard.roadmaps.challenge.history.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.InitiativeRequest.Text;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneSeeding;
import nl.amsterdameconomicboard.roadmaps.challenge.revision.RevisionedWrites;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The spearheads of this challenge: announced from the seed, their texts kept current by the challenge team. */
@Service
public class Spearheads implements SnapshotSource {

    static final String KIND = "Spearhead";

    private final ChallengeProperties challenge;
    private final RevisionedWrites writes;
    private final Snapshots snapshots;
    private final Clock clock;

    Spearheads(ChallengeProperties challenge, RevisionedWrites writes, Snapshots snapshots, Clock clock) {
        this.challenge = challenge;
        this.writes = writes;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public int announceAll(String by) {
        return snapshots.announce(Spearhead.class, Spearhead::code, Spearhead::revision,
                (s, revision) -> SpearheadEvents.changed(challenge.code(), s, "snapshot", by, clock.instant(), revision));
    }

    public Spearhead announced(String code, int position, BilingualText title, BilingualText vision, BilingualText whatItIs,
                               BilingualText relevance, BilingualText boardRole, List<BilingualText> focusAreas, Instant at) {
        String by = MilestoneSeeding.SEED_AUTHOR;
        List<HistoryEntry> history = List.of(new HistoryEntry(at, by, "announced", "From the Board's roadmap document", 1));
        Spearhead spearhead = new Spearhead(code, position, title, vision, whatItIs, relevance, boardRole, focusAreas, 1, history, List.of());
        List<PendingEvent> announcement = List.of(SpearheadEvents.changed(challenge.code(), spearhead, "announced", by, at, 1));
        return new Spearhead(code, position, title, vision, whatItIs, relevance, boardRole, focusAreas, 1, history, announcement);
    }

    public Spearhead change(String code, SpearheadRequest request, String by, OptionalLong expectedRevision) {
        return writes.apply(Spearhead.class, KIND, code, expectedRevision, Spearhead::revision, current -> {
            long revision = current.revision() + 1;
            Instant now = clock.instant();
            Spearhead changed = new Spearhead(code, current.position(), text(request.title()), text(request.vision()), text(request.whatItIs()),
                    text(request.relevance()), text(request.boardRole()),
                    request.focusAreas() == null ? List.of() : request.focusAreas().stream().map(Spearheads::text).toList(),
                    revision, current.history(), List.of());
            return new Update().set("title", changed.title()).set("vision", changed.vision()).set("whatItIs", changed.whatItIs())
                    .set("relevance", changed.relevance()).set("boardRole", changed.boardRole()).set("focusAreas", changed.focusAreas())
                    .set("revision", revision)
                    .push("history", new HistoryEntry(now, by, "changed", "texts of the spearhead", revision))
                    .push("pendingEvents", SpearheadEvents.changed(challenge.code(), changed, "changed", by, now, revision));
        });
    }

    private static BilingualText text(Text text) {
        return text == null ? null : new BilingualText(text.nl().strip(), text.en() == null ? null : text.en().strip());
    }
}
