package nl.amsterdameconomicboard.roadmaps.scorecard.events;

import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.events.UnreadableEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class KafkaConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    /**
     * A record that cannot be read is logged and skipped at once, so it never stops the consumer. Any other failure
     * (the store unreachable) is retried, backing off up to 30 s, until it succeeds: skipping it would lose a change.
     */
    @Bean
    DefaultErrorHandler errorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> log.error("Skipped unreadable record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                        record.offset(), record.key(), NestedExceptionUtils.getMostSpecificCause(e).getMessage()),
                backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }

    /** The scorecard declares the topics it reads as well, so that it never depends on who starts first. */
    @Bean
    KafkaAdmin.NewTopics roadmapTopics(@Value("${scorecard.topics.partitions:3}") int partitions,
                                       @Value("${scorecard.topics.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(RoadmapTopics.ALL.stream()
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas)
                        .config("retention.ms", RoadmapTopics.RETENTION_MS).build())
                .toArray(NewTopic[]::new));
    }
}
