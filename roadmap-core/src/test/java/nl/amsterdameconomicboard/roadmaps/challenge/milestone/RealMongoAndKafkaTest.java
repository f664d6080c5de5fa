package nl.amsterdameconomicboard.roadmaps.challenge.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.OutboxRelay;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same service against a real MongoDB and a real Kafka in containers, where Docker runs (skipped elsewhere):
 * the embedded store must not be the only store the code has seen.
 */
@SpringBootTest(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json"})
@AutoConfigureMockMvc
@Testcontainers(disabledWithoutDocker = true)
class RealMongoAndKafkaTest {

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", mongo::getConnectionString);
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwksUri());
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Milestones milestones;
    @Autowired
    OutboxRelay relay;

    @Test
    void aStatusChangeIsStoredAndPublished() throws Exception {
        mvc.perform(put("/api/circular/milestones/heat-2017/status")
                        .header("Authorization", TestTokens.get().bearer("circular-lead", "circular-editor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"ON_TRACK\", \"note\": \"Eight business cases signed\"}"))
                .andExpect(status().isOk());
        assertThat(milestones.byId("heat-2017").orElseThrow().status()).isEqualTo(MilestoneStatus.ON_TRACK);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0);

        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "real-infrastructure-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(RoadmapTopics.MILESTONES));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (RoadmapEvents.payload(record.value()) instanceof MilestoneStatusChanged change
                            && change.milestone().equals("heat-2017") && change.status().equals("ON_TRACK")) {
                        return true;
                    }
                }
                return false;
            });
        }
    }
}
