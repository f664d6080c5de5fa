package nl.amsterdameconomicboard.roadmaps.scorecard.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * The records the scorecard could not apply. Each failed attempt is logged as a warning; a record given up on is
 * published to its dead-letter topic with the reason (where it can be read, fixed and sent again), logged as an error
 * naming topic, partition, offset and reason, and counted in {@code scorecard.events.dead-lettered} per topic.
 */
@Component
class DeadLetters implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MeterRegistry registry;
    private final KafkaAdmin admin;

    DeadLetters(MeterRegistry registry, KafkaAdmin admin) {
        this.registry = registry;
        this.admin = admin;
        RoadmapTopics.ALL.forEach(this::counter); // shown as 0 before the first one, so that an alert can watch it
    }

    /** Publishes with {@code publisher}, then logs and counts; a record whose publication failed is tried again, not counted. */
    ConsumerRecordRecoverer publishingWith(ConsumerRecordRecoverer publisher) {
        return (record, failure) -> {
            try {
                publisher.accept(record, failure);
            } catch (RuntimeException notPublished) {
                // the dead-letter topic may not exist yet (the broker was down when the scorecard started)
                admin.initialize();
                throw notPublished;
            }
            Throwable reason = NestedExceptionUtils.getMostSpecificCause(failure);
            log.error("Dead-lettered the record at {}-{}@{} (key {}) to {}: {}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), record.topic() + KafkaConsumerConfiguration.DEAD_LETTER_SUFFIX, reason.getClass().getSimpleName(),
                    reason.getMessage());
            counter(record.topic()).increment();
        };
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
        Throwable reason = NestedExceptionUtils.getMostSpecificCause(failure);
        log.warn("Attempt {} to apply the record at {}-{}@{} (key {}) failed: {}: {}", attempt, record.topic(), record.partition(), record.offset(),
                record.key(), reason.getClass().getSimpleName(), reason.getMessage());
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        log.error("The record at {}-{}@{} could not be dead-lettered ({}); it is tried again", record.topic(), record.partition(), record.offset(),
                failure.getMessage());
    }

    private Counter counter(String topic) {
        return Counter.builder("scorecard.events.dead-lettered")
                .description("Records the scorecard could not apply, sent to their dead-letter topic")
                .tag("topic", topic)
                .register(registry);
    }
}
