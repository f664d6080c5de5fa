package nl.amsterdameconomicboard.roadmaps.scorecard.intake;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
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
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class KafkaConsumerConfiguration {

    /** Where a record goes that the scorecard cannot read: {@code <topic>-dlt}, with the reason in its headers. */
    static final String DEAD_LETTER_SUFFIX = "-dlt";

    /**
     * A record that cannot be read (not a CloudEvent, unknown type or version, payload not matching) goes to the
     * dead-letter topic at once, with the reason, and the consumer goes on. Any other failure (the store
     * unreachable) is retried, backing off up to 30 s, until it succeeds: skipping it would lose a change.
     */
    @Bean
    DefaultErrorHandler errorHandler(KafkaProperties kafka) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, template(kafka, ByteArraySerializer.class));
        templates.put(CloudEvent.class, template(kafka, CloudEventSerializer.class));
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(templates);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class, DeserializationException.class, ForgedEventException.class);
        return handler;
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
