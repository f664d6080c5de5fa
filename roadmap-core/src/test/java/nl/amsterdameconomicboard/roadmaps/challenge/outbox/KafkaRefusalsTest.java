package nl.amsterdameconomicboard.roadmaps.challenge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

/** What the relay parks and what it keeps pending, by the failures Kafka reports, wrapped as KafkaTemplate hands them over. */
class KafkaRefusalsTest {

    @Test
    void aRecordKafkaCanNeverTakeIsRefusedForGoodWithItsReason() {
        assertThat(KafkaRefusals.permanent(sent(new RecordTooLargeException("The message is 1100000 bytes when serialized"))))
                .hasValue("RecordTooLargeException: The message is 1100000 bytes when serialized");
        assertThat(KafkaRefusals.permanent(sent(new InvalidTopicException("roadmap..x")))).isPresent();
        assertThat(KafkaRefusals.permanent(sent(new SerializationException("cannot serialise")))).isPresent();
    }

    @Test
    void anOutageOrTheProducersOwnTroubleKeepsTheEventPending() {
        assertThat(KafkaRefusals.permanent(sent(new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata")))).isEmpty();
        assertThat(KafkaRefusals.permanent(sent(new NotEnoughReplicasException("one replica")))).isEmpty();
        assertThat(KafkaRefusals.permanent(sent(new UnknownTopicOrPartitionException("not yet created")))).isEmpty();
        assertThat(KafkaRefusals.permanent(sent(new TopicAuthorizationException("no ACL")))).as("fixed by configuration, then all flow").isEmpty();
        assertThat(KafkaRefusals.permanent(new TimeoutException("no answer within the send timeout"))).isEmpty();
        assertThat(KafkaRefusals.permanent(new IllegalStateException("producer closed"))).isEmpty();
    }

    /** As {@code KafkaTemplate.send(..).get()} throws it. */
    private static ExecutionException sent(Exception cause) {
        return new ExecutionException(new KafkaProducerException(new ProducerRecord<>("roadmap.indicators", "k", "v"), "Failed to send", cause));
    }
}
