package nl.amsterdameconomicboard.roadmaps.scorecard.intake;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.events.UnreadableEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class KafkaConsumerConfiguration {

    /** Where a record goes that the scorecard cannot apply: {@code <topic>-dlt}, with the reason in its headers. */
    static final String DEAD_LETTER_SUFFIX = "-dlt";

    /**
     * One listener container (one consumer) per topic, all in the scorecard's group: a record that is being retried
     * holds up the partition it is in for a few seconds at most, never the other topics.
     */
    @Bean
    KafkaListenerConfigurer onePerTopic(RoadmapEventListener listener, @Value("${scorecard.consumer-group:scorecard-service}") String group) {
        return registrar -> RoadmapTopics.ALL.forEach(topic -> registrar.registerEndpoint(new TopicEndpoint(topic, group, listener::on)));
    }

    /**
     * What happens to a record the scorecard cannot apply (each failed attempt logged as a warning). It goes to its
     * dead-letter topic, is logged as an error and counted ({@link DeadLetters}), and the consumer goes on with the next record:
     * <ul>
     * <li>at once if it can never be applied: not a CloudEvent, an unknown type or version, a payload that does not
     * parse or lacks a required field, or data the projections cannot take (a null where a value must be);</li>
     * <li>after {@code scorecard.intake.retries} short retries (backing off from {@code scorecard.intake.first-retry},
     * doubling) for any other failure.</li>
     * </ul>
     * Only an unreachable store is retried until it is back, backing off up to 30 s: then every record fails alike, and
     * dead-lettering them would drop every change from the scorecard.
     */
    @Bean
    DefaultErrorHandler errorHandler(KafkaProperties kafka, DeadLetters deadLetters, @Value("${scorecard.intake.retries:3}") int retries,
                                     @Value("${scorecard.intake.first-retry:250ms}") Duration firstRetry) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, template(kafka, ByteArraySerializer.class));
        templates.put(CloudEvent.class, template(kafka, CloudEventSerializer.class));
        ExponentialBackOff aFewTimes = new ExponentialBackOff(firstRetry.toMillis(), 2);
        aFewTimes.setMaxAttempts(retries);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters.publishingWith(new DeadLetterPublishingRecoverer(templates)), aFewTimes);
        handler.setBackOffFunction((record, failure) -> storeUnreachable(failure) ? untilTheStoreIsBack() : null);
        handler.setRetryListeners(deadLetters);
        handler.addNotRetryableExceptions(UnreadableEventException.class, DeserializationException.class, NullPointerException.class,
                IllegalArgumentException.class, ForgedEventException.class);
        return handler;
    }

    private static boolean storeUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilTheStoreIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    private static KafkaTemplate<String, Object> template(KafkaProperties kafka, Class<?> valueSerializer) {
        Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties));
    }

    /** The topics it reads and their dead-letter topics, declared here too so that nothing depends on who starts first. */
    @Bean
    KafkaAdmin.NewTopics roadmapTopics(@Value("${scorecard.topics.partitions:3}") int partitions,
                                       @Value("${scorecard.topics.replicas:1}") short replicas) {
        List<String> topics = RoadmapTopics.ALL.stream().flatMap(t -> Stream.of(t, t + DEAD_LETTER_SUFFIX)).toList();
        return new KafkaAdmin.NewTopics(topics.stream()
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas)
                        .config("retention.ms", RoadmapTopics.RETENTION_MS).build())
                .toArray(NewTopic[]::new));
    }
}
