package nl.amsterdameconomicboard.roadmaps.scorecard.intake;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorMeasured;
import nl.amsterdameconomicboard.roadmaps.events.InitiativeChanged;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvent;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.SpearheadChanged;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.spearhead.RoadmapStructureProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.stream.ScorecardStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Feeds the roadmap events of all five challenges into the scorecard's states, and tells open dashboards when a
 * scorecard changed. Records its age at projection (change accepted → visible) as {@code scorecard.event.age}.
 */
@Component
class RoadmapEventListener {

    private final MilestoneProjection milestones;
    private final IndicatorProjection indicators;
    private final RoadmapStructureProjection structure;
    private final ScorecardStream stream;
    private final EventSources sources;
    private final Timer eventAge;
    private final Clock clock;

    RoadmapEventListener(MilestoneProjection milestones, IndicatorProjection indicators, RoadmapStructureProjection structure,
                         ScorecardStream stream, EventSources sources, MeterRegistry registry, Clock clock) {
        this.milestones = milestones;
        this.indicators = indicators;
        this.structure = structure;
        this.stream = stream;
        this.sources = sources;
        this.clock = clock;
        this.eventAge = Timer.builder("scorecard.event.age")
                .description("Time from a change in a challenge service to its projection into the scorecard")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Called by one listener container per topic ({@link KafkaConsumerConfiguration#onePerTopic}). */
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        RoadmapEvent payload = RoadmapEvents.payload(event);
        sources.check(event, payload);
        boolean changed = payload.accept(new Projecting(event.getId()));
        if (event.getTime() != null) {
            eventAge.record(Duration.between(event.getTime().toInstant(), clock.instant()));
        }
        if (changed) {
            stream.changed(payload.challenge(), event.getType(), record.key());
        }
    }

    /**
     * Applies each type of event to its projection; answers whether the state changed. A visitor rather than an
     * instanceof chain because Java 17 has no pattern-matching switch: a new event type does not compile until it is projected here.
     */
    private final class Projecting implements RoadmapEvent.Handler<Boolean> {

        private final String eventId;

        Projecting(String eventId) {
            this.eventId = eventId;
        }

        @Override
        public Boolean on(MilestoneStatusChanged event) {
            return milestones.apply(eventId, event);
        }

        @Override
        public Boolean on(IndicatorMeasured event) {
            return indicators.apply(event);
        }

        @Override
        public Boolean on(IndicatorChanged event) {
            return indicators.apply(event);
        }

        @Override
        public Boolean on(InitiativeChanged event) {
            return structure.apply(event);
        }

        @Override
        public Boolean on(SpearheadChanged event) {
            return structure.apply(event);
        }
    }
}
