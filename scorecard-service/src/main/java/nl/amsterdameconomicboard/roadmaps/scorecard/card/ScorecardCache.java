package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ProjectionVersions;
import org.springframework.stereotype.Component;

/**
 * The scorecards the public reads, kept per challenge and day until an event changes that challenge's states: the
 * quarterly series (up to 48 cards) and the overview are asked for by every anonymous visitor, and a card of a given
 * day and given states is always the same. A card is kept under the {@link ProjectionVersions version} read before
 * its states were, so one computed from states an event has changed since is never served. At most
 * {@value #CARDS} cards are kept (a dozen years of quarters for each challenge, and some single days), the least
 * recently asked for dropped first.
 */
@Component
public class ScorecardCache {

    static final int CARDS = 400;

    private final Scorecards scorecards;
    private final ProjectionVersions versions;
    private final AtomicLong computed = new AtomicLong();
    private final Map<String, Object> computing = new ConcurrentHashMap<>();
    private final Map<Day, Kept> kept = new LinkedHashMap<>(CARDS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Day, Kept> eldest) {
            return size() > CARDS;
        }
    };

    ScorecardCache(Scorecards scorecards, ProjectionVersions versions) {
        this.scorecards = scorecards;
        this.versions = versions;
    }

    public ChallengeScorecard of(String challenge, LocalDate day) {
        return on(challenge, List.of(day)).get(0);
    }

    public List<ChallengeScorecard> quarterly(String challenge, LocalDate from, LocalDate to) {
        return on(challenge, Scorecards.quarterEnds(from, to));
    }

    /** How many cards were computed (not served from what was kept) since the start, for the tests and the curious. */
    public long computedCards() {
        return computed.get();
    }

    private List<ChallengeScorecard> on(String challenge, List<LocalDate> days) {
        long version = versions.of(challenge); // before the states are read
        Map<LocalDate, ChallengeScorecard> cards = new HashMap<>();
        List<LocalDate> missing = takeKept(challenge, days, version, cards);
        if (!missing.isEmpty()) {
            // one computation per challenge at a time: the readers that find the same cards missing after an event
            // wait for it and take its cards, rather than each reading the challenge's states again
            synchronized (computing.computeIfAbsent(challenge, c -> new Object())) {
                List<LocalDate> stillMissing = takeKept(challenge, missing, version, cards);
                if (!stillMissing.isEmpty()) {
                    List<ChallengeScorecard> fresh = scorecards.on(challenge, stillMissing);
                    computed.addAndGet(fresh.size());
                    synchronized (kept) {
                        for (ChallengeScorecard card : fresh) {
                            cards.put(card.asOf(), card);
                            kept.put(new Day(challenge, card.asOf()), new Kept(version, card));
                        }
                    }
                }
            }
        }
        return days.stream().map(cards::get).toList();
    }

    /** Puts the cards kept for these days at this version or later into {@code cards}; answers the days without one. */
    private List<LocalDate> takeKept(String challenge, List<LocalDate> days, long version, Map<LocalDate, ChallengeScorecard> cards) {
        List<LocalDate> missing = new ArrayList<>();
        synchronized (kept) {
            for (LocalDate day : days) {
                Kept card = kept.get(new Day(challenge, day));
                if (card != null && card.version() >= version) {
                    cards.put(day, card.card());
                } else {
                    missing.add(day);
                }
            }
        }
        return missing;
    }

    private record Day(String challenge, LocalDate day) {
    }

    private record Kept(long version, ChallengeScorecard card) {
    }
}
