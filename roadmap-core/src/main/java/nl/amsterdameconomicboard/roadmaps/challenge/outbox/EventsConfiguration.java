package nl.amsterdameconomicboard.roadmaps.challenge.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration
class EventsConfiguration {

    /** Kept forever: the scorecard rebuilds itself by replaying the topics. */
    @Bean
    KafkaAdmin.NewTopics roadmapTopics(@Value("${roadmap.topics.partitions:3}") int partitions,
                                       @Value("${roadmap.topics.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(RoadmapTopics.ALL.stream()
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas).config("retention.ms", RoadmapTopics.RETENTION_MS).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    Gauge pendingEvents(MeterRegistry registry, OutboxRelay relay) {
        return Gauge.builder("roadmap.outbox.pending", relay, OutboxRelay::pendingCount)
                .description("Events stored with their change but not yet acknowledged by Kafka")
                .register(registry);
    }

    @Bean
    Gauge parkedEventsGauge(MeterRegistry registry, ParkedEvents parked) {
        return Gauge.builder("roadmap.outbox.parked", parked, ParkedEvents::count)
                .description("Events Kafka refused for good, kept until an admin sends them again (GET /api/{challenge}/outbox/parked)")
                .register(registry);
    }
}
