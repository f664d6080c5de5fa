package nl.amsterdameconomicboard.roadmaps.challenge.outbox;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells a record Kafka refuses for good (too large, an invalid topic, not serialisable: sending it again gives the
 * same answer) from an outage (the broker unreachable, a leader moving, a timeout), after which it goes out as it is.
 */
final class KafkaRefusals {

    /**
     * Not retriable, yet about the producer's rights or state rather than this record: once the configuration is
     * fixed every event goes out by itself, so they wait pending instead of being parked one by one.
     */
    private static final List<Class<? extends ApiException>> ABOUT_THE_PRODUCER = List.of(AuthenticationException.class,
            AuthorizationException.class, ProducerFencedException.class, OutOfOrderSequenceException.class, UnsupportedVersionException.class);

    private KafkaRefusals() {
    }

    /** Why Kafka refused this record for good, or empty if the failure is an outage and the record should simply wait. */
    static Optional<String> permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable c = cause;
            if (cause instanceof RetriableException || cause instanceof TimeoutException || ABOUT_THE_PRODUCER.stream().anyMatch(t -> t.isInstance(c))) {
                return Optional.empty();
            }
            if (cause instanceof ApiException || cause instanceof SerializationException) {
                return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return Optional.empty();
    }
}
