package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Direction;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Indicators;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.InitiativeStatus;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.Initiatives;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.Milestones;
import nl.amsterdameconomicboard.roadmaps.challenge.roadmap.Challenge;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.Spearheads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the challenge's roadmap from its seed on first start. Only inserts what is missing, one document at a
 * time, so it is safe to run on every start and on several instances at once, and it never overwrites an edit.
 */
@Component
@Order(0)
class RoadmapSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RoadmapSeeder.class);

    private final MongoTemplate mongo;
    private final ChallengeProperties challenge;
    private final JsonMapper json;
    private final Spearheads spearheads;
    private final Milestones milestones;
    private final Indicators indicators;
    private final Initiatives initiatives;
    private final Clock clock;

    RoadmapSeeder(MongoTemplate mongo, ChallengeProperties challenge, JsonMapper json, Spearheads spearheads, Milestones milestones,
                  Indicators indicators, Initiatives initiatives, Clock clock) {
        this.spearheads = spearheads;
        this.mongo = mongo;
        this.challenge = challenge;
        this.json = json;
        this.milestones = milestones;
        this.indicators = indicators;
        this.initiatives = initiatives;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        RoadmapSeed seed = read();
        // the roadmap's first state is dated at the document's publication; a seed without a date is dated now
        Instant now = seed.publishedOn() == null ? clock.instant() : seed.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Boolean> results = new ArrayList<>(); // one per document: inserted, or already present
        results.add(insertIfAbsent(new Challenge(seed.code(), seed.name(), seed.ambition2025(), seed.background())));
        int milestonePosition = 0;
        int indicatorPosition = 0;
        for (RoadmapSeed.IndicatorSeed i : orEmpty(seed.indicators())) {
            results.add(indicator(null, indicatorPosition++, i, now));
        }
        for (int s = 0; s < seed.spearheads().size(); s++) {
            RoadmapSeed.SpearheadSeed spearhead = seed.spearheads().get(s);
            results.add(spearheads.seed(spearhead.code(), s, spearhead.title(), spearhead.vision(), spearhead.whatItIs(),
                    spearhead.relevance(), spearhead.boardRole(), orEmpty(spearhead.focusAreas()), now));
            for (RoadmapSeed.MilestoneSeed m : orEmpty(spearhead.milestones())) {
                results.add(milestones.seed(m.code(), spearhead.code(), milestonePosition++, m.title(), m.deadline(), now));
            }
            for (RoadmapSeed.IndicatorSeed i : orEmpty(spearhead.indicators())) {
                results.add(indicator(spearhead.code(), indicatorPosition++, i, now));
            }
            for (RoadmapSeed.InitiativeSeed i : orEmpty(spearhead.initiatives())) {
                results.add(initiatives.seed(i.code(), spearhead.code(), i.title(), i.description(), i.startDate(), i.endDate(),
                        i.status() == null ? InitiativeStatus.RUNNING : i.status(), orEmpty(i.links()), orEmpty(i.partners()),
                        orEmpty(i.tags()), now));
            }
        }
        long inserted = results.stream().filter(Boolean::booleanValue).count();
        log.info("Roadmap seed of '{}': {} documents inserted, {} already present and left as they are",
                seed.code(), inserted, results.size() - inserted);
    }

    private boolean indicator(String spearhead, int position, RoadmapSeed.IndicatorSeed i, Instant now) {
        return indicators.seed(i.code(), spearhead, position, i.name(), i.unit(), i.baseline(), i.target(), i.deadline(),
                i.direction() == null ? Direction.UP : i.direction(), i.source(), i.updateFrequency(), i.computedFrom(), now);
    }

    private RoadmapSeed read() throws IOException {
        try (InputStream in = challenge.seed().getInputStream()) {
            RoadmapSeed seed = json.readValue(in, RoadmapSeed.class);
            if (!challenge.code().equals(seed.code())) {
                throw new IllegalStateException("Seed " + challenge.seed() + " is for challenge '" + seed.code()
                        + "', but this service runs '" + challenge.code() + "'");
            }
            return seed;
        }
    }

    /** The challenge document is not an aggregate: it has no history and announces nothing. */
    private boolean insertIfAbsent(Challenge challenge) {
        try {
            mongo.insert(challenge);
            return true;
        } catch (DuplicateKeyException alreadySeeded) {
            return false;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
