package nl.amsterdameconomicboard.roadmaps.scorecard.intake;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvent;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A challenge's events come from that challenge's service: an event whose {@code challenge} is not the one its
 * CloudEvents {@code source} names ({@code /services/<challenge>-service}, set by the service's outbox relay) is refused
 * and counted as {@code scorecard.events.forged}. The broker's ACLs let only challenge services write the topics; this
 * check keeps one service's event from changing another challenge's scorecard by mistake or on purpose.
 */
@Component
class EventSources {

    private static final Logger log = LoggerFactory.getLogger(EventSources.class);

    private final Counter forged;

    EventSources(MeterRegistry registry) {
        this.forged = Counter.builder("scorecard.events.forged")
                .description("Events refused because their challenge is not the one their source names")
                .register(registry);
    }

    void check(CloudEvent event, RoadmapEvent payload) {
        if (!RoadmapEvents.source(payload.challenge()).equals(event.getSource())) {
            forged.increment();
            String reason = "Event " + event.getId() + " (" + event.getType() + ", " + payload.key() + ") claims challenge '"
                    + payload.challenge() + "' but comes from " + event.getSource() + "; not applied";
            log.warn(reason);
            throw new ForgedEventException(reason);
        }
    }
}
