package nl.amsterdameconomicboard.roadmaps.scorecard.events;

import io.cloudevents.CloudEvent;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the milestone events of all five challenges into the scorecard's milestone states. */
@Component
class MilestoneEventListener {

    private static final Logger log = LoggerFactory.getLogger(MilestoneEventListener.class);

    private final MilestoneProjection projection;

    MilestoneEventListener(MilestoneProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = RoadmapTopics.MILESTONES, groupId = "${scorecard.consumer-group:scorecard-service}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (RoadmapEvents.payload(event) instanceof MilestoneStatusChanged change) {
            boolean applied = projection.apply(event.getId(), change);
            log.debug("{} {} revision {}: {}", event.getType(), record.key(), change.revision(), applied ? "applied" : "already known");
        }
    }
}
