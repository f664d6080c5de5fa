package nl.amsterdameconomicboard.roadmaps.challenge.spearhead;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.TextInput;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Author;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ChangeWriter;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Entries;
import nl.amsterdameconomicboard.roadmaps.challenge.change.HistoryEntry;
import nl.amsterdameconomicboard.roadmaps.challenge.change.PageOf;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.SnapshotSource;
import org.springframework.stereotype.Service;

/** The spearheads of this challenge: announced from the seed, their texts kept current by the challenge team. */
@Service
public class Spearheads implements SnapshotSource {

    static final String KIND = "Spearhead";

    private final ChallengeProperties challenge;
    private final ChangeWriter writer;
    private final Entries entries;
    private final Clock clock;

    Spearheads(ChallengeProperties challenge, ChangeWriter writer, Entries entries, Clock clock) {
        this.entries = entries;
        this.challenge = challenge;
        this.writer = writer;
        this.clock = clock;
    }

    /** Who changed the texts and when, the latest first. */
    public PageOf<HistoryEntry> history(Spearhead spearhead, int page, int size) {
        return entries.page(spearhead, Entries.HISTORY, HistoryEntry.class, Entries.NEWEST_FIRST, page, size);
    }

    /** Moves the history that older versions kept inside the documents to its collection. */
    public void moveEmbeddedLists() {
        writer.settleAll(Spearhead.class);
        writer.moveEmbedded(Spearhead.class, "history", List.of());
    }

    @Override
    public int announceAll(String by) {
        Author author = new Author(challenge.code(), by, clock.instant());
        return writer.announceAll(Spearhead.class, s -> s.snapshot(author));
    }

    /** A spearhead of the roadmap document, unless it is there already. */
    public boolean seed(String code, int position, BilingualText title, BilingualText vision, BilingualText whatItIs,
                        BilingualText relevance, BilingualText boardRole, List<BilingualText> focusAreas, Instant at) {
        Spearhead.Texts texts = new Spearhead.Texts(title, vision, whatItIs, relevance, boardRole, focusAreas);
        return writer.insertIfAbsent(Spearhead.announced(code, position, texts, Author.seed(challenge.code(), at))).isPresent();
    }

    public Spearhead change(String code, SpearheadRequest request, String by, OptionalLong expectedRevision) {
        Spearhead.Texts texts = new Spearhead.Texts(TextInput.toText(request.title()), TextInput.toText(request.vision()),
                TextInput.toText(request.whatItIs()), TextInput.toText(request.relevance()), TextInput.toText(request.boardRole()),
                request.focusAreas() == null ? List.of() : request.focusAreas().stream().map(TextInput::toText).toList());
        Author author = new Author(challenge.code(), by, clock.instant());
        return writer.apply(Spearhead.class, KIND, code, expectedRevision, current -> current.change(texts, author));
    }
}
