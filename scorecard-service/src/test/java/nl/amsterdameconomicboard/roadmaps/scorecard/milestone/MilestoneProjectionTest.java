package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.support.test.TestEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A batch of milestone events leaves the states, the days and the recorded changes exactly as the same events applied
 * one at a time do, and reports as changed exactly the events that changed something: repeated, overtaken and
 * out-of-order events in one batch included.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@ContextConfiguration(initializers = TestEngines.class)
class MilestoneProjectionTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "projection-" + UUID.randomUUID());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/unused");
    }

    @Autowired
    MilestoneProjection milestones;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aBatchAppliesAsItsEventsOneAtATimeDo() {
        // stored before: m1 at revision 2; the batch repeats it, overtakes it, skips back, and spans two days
        List<String> changedOneByOne = new ArrayList<>();
        for (MilestoneProjection.Arrived arrived : events("one")) {
            if (milestones.apply(arrived.eventId(), arrived.event())) {
                changedOneByOne.add(arrived.eventId());
            }
        }
        milestones.apply(events("batch").subList(0, 2)); // the same history before the batch
        List<String> changedInBatch = milestones.apply(events("batch").subList(2, events("batch").size())).stream()
                .map(MilestoneProjection.Arrived::eventId).toList();

        assertThat(changedInBatch).containsExactlyElementsOf(changedOneByOne.subList(2, changedOneByOne.size()).stream()
                        .map(id -> id.replace("one-", "batch-")).toList())
                .containsExactly("batch-m1-3", "batch-m2-1", "batch-m1-5", "batch-m2-2");
        for (String milestone : List.of("m1", "m2")) {
            MilestoneState one = state("one", milestone);
            MilestoneState batch = state("batch", milestone);
            assertThat(batch.status()).isEqualTo(one.status());
            assertThat(batch.revision()).isEqualTo(one.revision());
            assertThat(batch.lastEventId()).isEqualTo(one.lastEventId().replace("one", "batch"));
            assertThat(batch.days()).isEqualTo(one.days());
            assertThat(changes("batch", milestone)).isEqualTo(changes("one", milestone));
        }
        assertThat(state("batch", "m1").days()).containsOnlyKeys("2026-03-01", "2026-03-02", "2026-03-03");
        assertThat(state("batch", "m1").days().get("2026-03-02").status()).isEqualTo("AT_RISK");
        assertThat(state("batch", "m1").statusAt(LocalDate.of(2026, 3, 2)).orElseThrow().revision()).isEqualTo(3);
        assertThat(state("batch", "m1").status()).isEqualTo("ACHIEVED");
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        List<MilestoneProjection.Arrived> batch = events("again");
        assertThat(milestones.apply(batch)).isNotEmpty();
        MilestoneState before = state("again", "m1");

        assertThat(milestones.apply(batch)).isEmpty();
        assertThat(state("again", "m1")).isEqualTo(before);
        assertThat(changes("again", "m1")).hasSize(5);
    }

    /** Events of challenge {@code challenge}: m1 revisions 1, 2, then 2 again, 3, 1 (late), 5, 4 (late); m2 revisions 1, 2. */
    private static List<MilestoneProjection.Arrived> events(String challenge) {
        return List.of(
                event(challenge, "m1", 1, "PLANNED", "2026-03-01T09:00:00Z"),
                event(challenge, "m1", 2, "ON_TRACK", "2026-03-02T09:00:00Z"),
                event(challenge, "m1", 2, "ON_TRACK", "2026-03-02T09:00:00Z"),
                event(challenge, "m1", 3, "AT_RISK", "2026-03-02T15:00:00Z"),
                event(challenge, "m2", 1, "PLANNED", "2026-03-02T10:00:00Z"),
                event(challenge, "m1", 1, "PLANNED", "2026-03-01T09:00:00Z"),
                event(challenge, "m1", 5, "ACHIEVED", "2026-03-03T09:00:00Z"),
                event(challenge, "m1", 4, "ON_TRACK", "2026-03-03T08:00:00Z"),
                event(challenge, "m2", 2, "ON_TRACK", "2026-03-03T10:00:00Z"));
    }

    private static MilestoneProjection.Arrived event(String challenge, String milestone, long revision, String status, String at) {
        return new MilestoneProjection.Arrived(challenge + "-" + milestone + "-" + revision, new MilestoneStatusChanged(challenge, "s", milestone,
                new LocalizedText("nl", "en"), LocalDate.of(2030, 12, 31), null, status, "note " + revision, "lead", Instant.parse(at), revision));
    }

    private MilestoneState state(String challenge, String milestone) {
        return mongo.findById(challenge + "/" + milestone, MilestoneState.class);
    }

    private List<String> changes(String challenge, String milestone) {
        return mongo.find(query(where("key").is(challenge + "/" + milestone)), MilestoneChange.class).stream()
                .map(c -> c.revision() + " " + c.status() + " " + c.at()).sorted().toList();
    }
}
