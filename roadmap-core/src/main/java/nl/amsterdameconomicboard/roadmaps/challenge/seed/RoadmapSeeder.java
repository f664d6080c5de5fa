package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.Challenge;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneSeeding;
import nl.amsterdameconomicboard.roadmaps.challenge.spearhead.Spearhead;
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
    private final MilestoneSeeding milestones;
    private final Clock clock;

    RoadmapSeeder(MongoTemplate mongo, ChallengeProperties challenge, JsonMapper json, MilestoneSeeding milestones, Clock clock) {
        this.mongo = mongo;
        this.challenge = challenge;
        this.json = json;
        this.milestones = milestones;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        RoadmapSeed seed = read();
        int inserted = 0;
        inserted += insertIfAbsent(new Challenge(seed.code(), seed.name(), seed.ambition2025(), seed.background()));
        int milestonePosition = 0;
        for (int i = 0; i < seed.spearheads().size(); i++) {
            RoadmapSeed.SpearheadSeed s = seed.spearheads().get(i);
            inserted += insertIfAbsent(new Spearhead(s.code(), i, s.title(), s.vision(), s.whatItIs(), s.relevance(),
                    s.boardRole(), s.focusAreas() == null ? List.of() : s.focusAreas()));
            for (RoadmapSeed.MilestoneSeed m : s.milestones() == null ? List.<RoadmapSeed.MilestoneSeed>of() : s.milestones()) {
                inserted += insertIfAbsent(milestones.planned(m.code(), s.code(), milestonePosition++, m.title(), m.deadline(), clock.instant()));
            }
        }
        log.info("Roadmap seed of '{}': {} documents inserted ({} already present are left as they are)",
                seed.code(), inserted, countDocuments(seed) - inserted);
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

    private static int countDocuments(RoadmapSeed seed) {
        List<Object> all = new ArrayList<>();
        all.add(seed);
        seed.spearheads().forEach(s -> {
            all.add(s);
            if (s.milestones() != null) {
                all.addAll(s.milestones());
            }
        });
        return all.size();
    }
}
