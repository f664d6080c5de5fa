package nl.amsterdameconomicboard.roadmaps.scorecard.events;

import nl.amsterdameconomicboard.roadmaps.events.UnreadableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

@Configuration
class KafkaConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    /**
     * A record that cannot be read is logged and skipped at once, so it never stops the consumer; other failures
     * (the store briefly unreachable) are retried before the record is skipped.
     */
    @Bean
    DefaultErrorHandler errorHandler() {
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> log.error("Skipped record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                        record.offset(), record.key(), NestedExceptionUtils.getMostSpecificCause(e).getMessage()),
                new FixedBackOff(1000, 5));
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }
}
