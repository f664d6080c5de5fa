package nl.amsterdameconomicboard.roadmaps.scorecard.intake;

import io.cloudevents.CloudEvent;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * A listener container of its own for one topic, created by Boot's container factory (so with its error handler and
 * consumer settings) and handing what each poll brings to {@code listener}, a batch at a time. Concurrency per topic follows
 * {@code spring.kafka.listener.concurrency} (at most the topic's partitions).
 */
record TopicEndpoint(String topic, String groupId, BatchMessageListener<String, CloudEvent> listener) implements KafkaListenerEndpoint {

    @Override
    public String getId() {
        return "scorecard-" + topic;
    }

    @Override
    public String getGroupId() {
        return groupId;
    }

    @Override
    public String getGroup() {
        return null;
    }

    @Override
    public Collection<String> getTopics() {
        return List.of(topic);
    }

    @Override
    public TopicPartitionOffset[] getTopicPartitionsToAssign() {
        return new TopicPartitionOffset[0];
    }

    @Override
    public Pattern getTopicPattern() {
        return null;
    }

    @Override
    public String getClientIdPrefix() {
        return getId();
    }

    @Override
    public Integer getConcurrency() {
        return null;
    }

    @Override
    public Boolean getAutoStartup() {
        return null;
    }

    @Override
    public void setupListenerContainer(MessageListenerContainer container, MessageConverter converter) {
        container.setupMessageListener(listener);
    }

    @Override
    public Boolean getBatchListener() {
        return true;
    }

    @Override
    public boolean isSplitIterables() {
        return true;
    }
}
