package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.Challenge;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Direction;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.IndicatorSeeding;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.InitiativeSeeding;
import nl.amsterdameconomicboard.roadmaps.challenge.initiative.InitiativeStatus;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneSeeding;
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
    private final MilestoneSeeding milestones;
    private final IndicatorSeeding indicators;
    private final InitiativeSeeding initiatives;
    private final Clock clock;

    RoadmapSeeder(MongoTemplate mongo, ChallengeProperties challenge, JsonMapper json, Spearheads spearheads, MilestoneSeeding milestones,
                  IndicatorSeeding indicators, InitiativeSeeding initiatives, Clock clock) {
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
        Instant now = clock.instant();
        List<Object> documents = new ArrayList<>();
        documents.add(new Challenge(seed.code(), seed.name(), seed.ambition2025(), seed.background()));
        int milestonePosition = 0;
        int indicatorPosition = 0;
        for (RoadmapSeed.IndicatorSeed i : orEmpty(seed.indicators())) {
            documents.add(indicator(null, indicatorPosition++, i, now));
        }
        for (int s = 0; s < seed.spearheads().size(); s++) {
            RoadmapSeed.SpearheadSeed spearhead = seed.spearheads().get(s);
            documents.add(spearheads.announced(spearhead.code(), s, spearhead.title(), spearhead.vision(), spearhead.whatItIs(),
                    spearhead.relevance(), spearhead.boardRole(), orEmpty(spearhead.focusAreas()), now));
            for (RoadmapSeed.MilestoneSeed m : orEmpty(spearhead.milestones())) {
                documents.add(milestones.planned(m.code(), spearhead.code(), milestonePosition++, m.title(), m.deadline(), now));
            }
            for (RoadmapSeed.IndicatorSeed i : orEmpty(spearhead.indicators())) {
                documents.add(indicator(spearhead.code(), indicatorPosition++, i, now));
            }
            for (RoadmapSeed.InitiativeSeed i : orEmpty(spearhead.initiatives())) {
                documents.add(initiatives.announced(i.code(), spearhead.code(), i.title(), i.description(), i.startDate(), i.endDate(),
                        i.status() == null ? InitiativeStatus.RUNNING : i.status(), orEmpty(i.links()), orEmpty(i.partners()),
                        orEmpty(i.tags()), now));
            }
        }
        int inserted = 0;
        for (Object document : documents) {
            inserted += insertIfAbsent(document);
        }
        log.info("Roadmap seed of '{}': {} documents inserted, {} already present and left as they are",
                seed.code(), inserted, documents.size() - inserted);
    }

    private Object indicator(String spearhead, int position, RoadmapSeed.IndicatorSeed i, Instant now) {
        return indicators.announced(i.code(), spearhead, position, i.name(), i.unit(), i.baseline(), i.target(), i.deadline(),
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

    private int insertIfAbsent(Object document) {
        try {
            mongo.insert(document);
            return 1;
        } catch (DuplicateKeyException alreadySeeded) {
            return 0;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
