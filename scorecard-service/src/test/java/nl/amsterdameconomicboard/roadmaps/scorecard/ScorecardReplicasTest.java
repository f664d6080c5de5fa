package nl.amsterdameconomicboard.roadmaps.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.scorecard.stream.ScorecardStream;
import nl.amsterdameconomicboard.roadmaps.support.test.TestEngines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Two scorecard replicas as production runs them: one store, one consumer group, each with its own dashboards
 * connected over HTTP. Every dashboard is told every change exactly once, whichever replica applied it.
 */
class ScorecardReplicasTest {

    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private final String database = "replicas-" + UUID.randomUUID();
    private final String group = "scorecard-replicas-" + UUID.randomUUID();
    private KafkaProducer<String, CloudEvent> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(System.getProperty("spring.embedded.kafka.brokers")),
                new StringSerializer(), new CloudEventSerializer());
    }

    @AfterEach
    void stop() {
        producer.close();
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void dashboardsOnTheReplicaThatDidNotApplyTheEventsAreToldEachChangeOnce() throws Exception {
        ConfigurableApplicationContext applying = replica(true);
        ConfigurableApplicationContext other = replica(false); // its consumers never start: every event is applied by the first
        List<String> onApplying = dashboard(applying, "mobility/replica-");
        List<String> onOther = dashboard(other, "mobility/replica-");
        List<String> secondOnOther = dashboard(other, "mobility/replica-");

        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "mobility/replica-" + i + "-2017").toList();
        for (String key : keys) {
            send(key, 1);
        }
        send(keys.get(0), 1); // a repeat changes nothing, so nobody is told

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(onOther).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(secondOnOther).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(onApplying).containsExactlyInAnyOrderElementsOf(keys);
        });
        Thread.sleep(1_000); // several looks at the shared changes later: still each change once
        assertThat(onOther).hasSize(keys.size()).doesNotHaveDuplicates();
        assertThat(onApplying).as("told at once when applied, and not again when its own change is read back").hasSize(keys.size());
    }

    @Test
    void withBothReplicasConsumingEveryDashboardIsToldEveryChangeOnce() throws Exception {
        ConfigurableApplicationContext first = replica(true);
        ConfigurableApplicationContext second = replica(true);
        List<String> onFirst = dashboard(first, "health/both-");
        List<String> onSecond = dashboard(second, "health/both-");

        List<String> keys = new ArrayList<>();
        for (int revision = 1; revision <= 3; revision++) {
            for (int i = 0; i < 10; i++) {
                String key = "health/both-" + i + "-2017";
                send(key, revision);
                keys.add(key);
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(onFirst).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(onSecond).containsExactlyInAnyOrderElementsOf(keys);
        });
        Thread.sleep(1_000);
        assertThat(onFirst).hasSize(keys.size());
        assertThat(onSecond).hasSize(keys.size());
    }

    /** A scorecard service on a free port, on this test's store database and consumer group. */
    private ConfigurableApplicationContext replica(boolean consuming) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ScorecardServiceApplication.class)
                .initializers(new TestEngines())
                .run("--server.port=0", "--server.shutdown=immediate", "--spring.mongodb.database=" + database, "--scorecard.consumer-group=" + group,
                        "--spring.kafka.listener.auto-startup=" + consuming,
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused");
        replicas.add(context);
        return context;
    }

    /**
     * A dashboard's stream on that replica, over HTTP: the keys of the changes it is told, as they come, of this test's
     * entities (a new consumer group reads the topics from the start, other test classes' events included).
     */
    private List<String> dashboard(ConfigurableApplicationContext replica, String keyPrefix) {
        List<String> told = new CopyOnWriteArrayList<>();
        String port = replica.getEnvironment().getProperty("local.server.port");
        ScorecardStream stream = replica.getBean(ScorecardStream.class);
        int before = stream.openStreams();
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/scorecards/stream")).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(line -> {
                    Matcher key = KEY.matcher(line);
                    if (line.startsWith("data:") && key.find() && key.group(1).startsWith(keyPrefix)) {
                        told.add(key.group(1));
                    }
                }));
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.openStreams() == before + 1);
        return told;
    }

    private void send(String key, long revision) throws Exception {
        String challenge = key.substring(0, key.indexOf('/'));
        String milestone = key.substring(key.indexOf('/') + 1);
        MilestoneStatusChanged change = new MilestoneStatusChanged(challenge, "spearhead", milestone, new LocalizedText("nl", "en"),
                LocalDate.of(2030, 12, 31), revision == 1 ? null : "PLANNED", revision % 2 == 0 ? "AT_RISK" : "ON_TRACK", "note", "lead",
                Instant.now(), revision);
        producer.send(new ProducerRecord<>(RoadmapTopics.MILESTONES, change.key(), RoadmapEvents.milestoneStatusChanged(UUID.randomUUID(), change)))
                .get();
    }
}
