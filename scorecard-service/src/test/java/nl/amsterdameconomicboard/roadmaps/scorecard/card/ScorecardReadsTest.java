package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneChange;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import nl.amsterdameconomicboard.roadmaps.support.test.TestEngines;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What a public read of the scorecards costs the store: the same after hundreds of changes as after one (the cost of a
 * read must not grow with history), nothing at all while nothing changed, and a client that sends the {@code ETag}
 * back is told {@code 304 Not Modified} until its challenge changes. The store's work is counted with a command
 * listener on the requesting thread (the polls of other threads do not count), not timed.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestEngines.class)
class ScorecardReadsTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "reads-" + UUID.randomUUID());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/unused");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MilestoneProjection milestones;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StoreWork store;

    /** The public reads of one challenge: the overview, its card, its quarterly series, its milestones on a past day. */
    private static List<String> reads(String challenge) {
        return List.of("/api/scorecards", "/api/scorecards/" + challenge, "/api/scorecards/" + challenge + "/series?from=2025-01-01&to=2026-06-30",
                "/api/scorecards/" + challenge + "/milestones?asOf=2026-06-30");
    }

    @Test
    void aReadAfterSixHundredChangesCostsTheStoreWhatAReadAfterOneDoes() throws Exception {
        readAll("health"); // every card kept: what follows computes only health's
        change("health", "read-cost-2030", 1, "ON_TRACK", "2026-03-02T09:00:00Z");
        change("health", "other-2030", 1, "ON_TRACK", "2026-03-02T09:00:00Z");
        StoreWork.Count afterOne = store.countWhile(() -> readAll("health"));
        assertThat(afterOne.documents()).as("the states are read after a change").isPositive();

        StoreWork.Count kept = store.countWhile(() -> readAll("health"));
        assertThat(kept.commands()).as("nothing changed: answered without the store").isZero();

        for (int revision = 2; revision <= 600; revision++) { // a busy day: 599 more changes, one milestone
            change("health", "read-cost-2030", revision, revision % 2 == 0 ? "AT_RISK" : "ON_TRACK",
                    Instant.parse("2026-03-02T09:00:00Z").plusSeconds(revision).toString());
        }
        StoreWork.Count afterMany = store.countWhile(() -> readAll("health"));

        assertThat(afterMany.commands()).isEqualTo(afterOne.commands());
        assertThat(afterMany.documents()).isEqualTo(afterOne.documents());
        // the whole history in the state would be ~600 × 100 bytes more; a few bytes more are the longer revision number
        assertThat(afterMany.bytes()).isBetween(afterOne.bytes() - 64, afterOne.bytes() + 64);
        assertThat(milestones.changesOf("health/read-cost-2030")).as("every change is still kept, beside the state").hasSize(600);
        mvc.perform(get("/api/scorecards/health/milestones?asOf=2026-03-02"))
                .andExpect(jsonPath("$.milestones[?(@.milestone == 'read-cost-2030')].status").value("AT_RISK"))
                .andExpect(jsonPath("$.milestones[?(@.milestone == 'read-cost-2030')].since").value("2026-03-02T09:10:00Z"));
    }

    @Test
    void aClientWithTheTagOfWhatItHasIsToldNotModifiedUntilItsChallengeChanges() throws Exception {
        change("digital", "etag-2030", 1, "ON_TRACK", "2026-04-01T09:00:00Z");
        Map<String, String> tags = new ConcurrentHashMap<>();
        for (String read : reads("digital")) {
            tags.put(read, mvc.perform(get(read)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-cache"))
                    .andReturn().getResponse().getHeader("ETag"));
            assertThat(tags.get(read)).as(read).matches("\"[0-9a-f]{32}\"");
            mvc.perform(get(read).header("If-None-Match", tags.get(read)))
                    .andExpect(status().isNotModified()).andExpect(content().bytes(new byte[0]));
        }
        String circular = mvc.perform(get("/api/scorecards/circular")).andReturn().getResponse().getHeader("ETag");

        change("digital", "etag-2030", 2, "AT_RISK", "2026-04-02T09:00:00Z");

        for (String read : reads("digital")) {
            ResultActions again = mvc.perform(get(read).header("If-None-Match", tags.get(read))).andExpect(status().isOk());
            assertThat(again.andReturn().getResponse().getHeader("ETag")).as(read).isNotEqualTo(tags.get(read));
        }
        mvc.perform(get("/api/scorecards/digital/milestones?asOf=2026-06-30").header("If-None-Match", tags.get(reads("digital").get(3))))
                .andExpect(jsonPath("$.milestones[?(@.milestone == 'etag-2030')].status").value("AT_RISK"));
        mvc.perform(get("/api/scorecards/circular").header("If-None-Match", circular))
                .andExpect(status().isNotModified()); // another challenge's change is no change of circular's card
    }

    @Test
    void statesStoredWithTheirWholeHistoryAreFoldedIntoDaysAndTheirChangesKept() throws Exception {
        String collection = mongo.getCollectionName(MilestoneState.class);
        mongo.insert(new Document("_id", "talent/legacy-2030").append("challenge", "talent").append("spearhead", "legacy")
                .append("milestone", "legacy-2030").append("status", "AT_RISK").append("revision", 3L)
                .append("changedAt", Date.from(Instant.parse("2026-02-01T12:00:00Z")))
                .append("history", List.of(
                        new Document("revision", 1L).append("status", "PLANNED").append("at", Date.from(Instant.parse("2026-01-05T09:00:00Z"))),
                        new Document("revision", 2L).append("status", "ON_TRACK").append("at", Date.from(Instant.parse("2026-01-05T15:00:00Z"))),
                        new Document("revision", 3L).append("status", "AT_RISK").append("at", Date.from(Instant.parse("2026-02-01T12:00:00Z")))
                                .append("note", "late"))), collection);

        assertThat(milestones.foldWholeHistories()).isEqualTo(1);
        assertThat(milestones.foldWholeHistories()).as("once").isZero();

        Document folded = mongo.findById("talent/legacy-2030", Document.class, collection);
        assertThat(folded).doesNotContainKey("history");
        MilestoneState state = mongo.findById("talent/legacy-2030", MilestoneState.class);
        assertThat(state.days()).containsOnlyKeys("2026-01-05", "2026-02-01");
        assertThat(state.statusAt(LocalDate.of(2026, 1, 31))).map(MilestoneState.StatusAt::status).contains("ON_TRACK");
        assertThat(milestones.changesOf("talent/legacy-2030")).extracting(MilestoneChange::revision).containsExactly(1L, 2L, 3L);
        mvc.perform(get("/api/scorecards/talent/milestones?asOf=2026-02-01"))
                .andExpect(jsonPath("$.firstKnown").value("2026-01-05"))
                .andExpect(jsonPath("$.milestones[?(@.milestone == 'legacy-2030')].status").value("AT_RISK"));
    }

    private void readAll(String challenge) {
        try {
            for (String read : reads(challenge)) {
                mvc.perform(get(read)).andExpect(status().isOk());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void change(String challenge, String milestone, long revision, String status, String at) {
        milestones.apply(UUID.randomUUID().toString(), new MilestoneStatusChanged(challenge, "read-costs", milestone,
                new LocalizedText("nl", "en"), LocalDate.of(2030, 12, 31), null, status, "note " + revision, "lead", Instant.parse(at), revision));
    }

    @TestConfiguration
    static class Counting {

        @Bean
        StoreWork storeWork() {
            return new StoreWork();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countStoreWork(StoreWork work) {
            return settings -> settings.addCommandListener(work);
        }
    }

    /** The store's commands on one thread while it runs something: how many, the documents and bytes they answered. */
    static final class StoreWork implements CommandListener {

        record Count(long commands, long documents, long bytes) {
        }

        private volatile Thread counted;
        private final AtomicLong commands = new AtomicLong();
        private final AtomicLong documents = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();

        synchronized Count countWhile(Runnable work) {
            commands.set(0);
            documents.set(0);
            bytes.set(0);
            counted = Thread.currentThread();
            try {
                work.run();
            } finally {
                counted = null;
            }
            return new Count(commands.get(), documents.get(), bytes.get());
        }

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            if (Thread.currentThread() != counted) {
                return;
            }
            BsonDocument response = event.getResponse();
            commands.incrementAndGet();
            bytes.addAndGet(new RawBsonDocument(response, new BsonDocumentCodec()).getByteBuffer().remaining());
            BsonDocument cursor = response.getDocument("cursor", null);
            if (cursor != null) {
                BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch") : cursor.getArray("nextBatch", new BsonArray());
                documents.addAndGet(batch.size());
            }
        }
    }
}
