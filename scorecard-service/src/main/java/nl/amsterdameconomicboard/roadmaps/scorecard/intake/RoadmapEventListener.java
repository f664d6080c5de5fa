package nl.amsterdameconomicboard.roadmaps.scorecard.intake;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorMeasured;
import nl.amsterdameconomicboard.roadmaps.events.InitiativeChanged;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvent;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.SpearheadChanged;
import nl.amsterdameconomicboard.roadmaps.events.UnreadableEventException;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.spearhead.RoadmapStructureProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.stream.ScorecardStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
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

    /**
     * Called by one listener container per topic ({@link KafkaConsumerConfiguration#onePerTopic}) with what one poll
     * brought, in partition order. Milestone events, the many, are applied a run at a time ({@link MilestoneProjection#apply(List)}:
     * a few writes per run, not per event); the others one by one, in their place. A record that cannot be applied
     * fails alone: what came before it is applied first, and the error handler commits that, retries or dead-letters
     * the record, and hands the rest of the batch back.
     */
    void on(List<ConsumerRecord<String, CloudEvent>> records) {
        List<MilestoneProjection.Arrived> run = new ArrayList<>();
        List<ConsumerRecord<String, CloudEvent>> runRecords = new ArrayList<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            RoadmapEvent payload;
            try {
                if (record.value() == null) {
                    throw unreadable(record);
                }
                payload = RoadmapEvents.payload(record.value());
                sources.check(record.value(), payload);
            } catch (RuntimeException unusable) {
                applyRun(run, runRecords);
                throw new BatchListenerFailedException(unusable.getMessage(), unusable, record);
            }
            if (payload instanceof MilestoneStatusChanged milestone) {
                run.add(new MilestoneProjection.Arrived(record.value().getId(), milestone));
                runRecords.add(record);
            } else {
                applyRun(run, runRecords);
                try {
                    if (payload.accept(new Projecting())) {
                        stream.changed(payload.challenge(), record.value().getType(), record.key());
                    }
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException(failed.getMessage(), failed, record);
                }
                age(record.value());
            }
        }
        applyRun(run, runRecords);
    }

    /**
     * Applies the run of milestone events and tells the dashboards. Should the run fail, its events are applied again
     * one at a time (applying is idempotent) so that the one that fails is the one retried or dead-lettered, and the
     * ones before it are applied and told.
     */
    private void applyRun(List<MilestoneProjection.Arrived> run, List<ConsumerRecord<String, CloudEvent>> records) {
        try {
            if (run.isEmpty()) {
                return;
            }
            try {
                tellChanged(milestones.apply(run), records);
            } catch (RuntimeException failed) {
                if (run.size() == 1) {
                    throw new BatchListenerFailedException(failed.getMessage(), failed, records.get(0));
                }
                for (int i = 0; i < run.size(); i++) {
                    try {
                        tellChanged(milestones.apply(List.of(run.get(i))), List.of(records.get(i)));
                    } catch (RuntimeException failedAlone) {
                        throw new BatchListenerFailedException(failedAlone.getMessage(), failedAlone, records.get(i));
                    }
                }
            }
        } finally {
            run.clear();
            records.clear();
        }
    }

    private void tellChanged(List<MilestoneProjection.Arrived> changed, List<ConsumerRecord<String, CloudEvent>> records) {
        Map<String, List<ScorecardStream.Cause>> byChallenge = new LinkedHashMap<>();
        for (MilestoneProjection.Arrived arrived : changed) {
            byChallenge.computeIfAbsent(arrived.event().challenge(), c -> new ArrayList<>())
                    .add(new ScorecardStream.Cause(MilestoneStatusChanged.TYPE.type(), arrived.event().key()));
        }
        byChallenge.forEach(stream::changed);
        records.forEach(record -> age(record.value()));
    }

    /** Why a record has no value: the failure of its deserializer (which a batch listener is handed as a header). */
    private static RuntimeException unreadable(ConsumerRecord<String, CloudEvent> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(RoadmapEventListener.class));
        return failure != null ? failure : new UnreadableEventException("Record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " has no event");
    }

    private void age(CloudEvent event) {
        if (event.getTime() != null) {
            eventAge.record(Duration.between(event.getTime().toInstant(), clock.instant()));
        }
    }

    /**
     * Applies each type of event but milestone events (applied a run at a time) to its projection; answers whether
     * the state changed. A visitor rather than an instanceof chain because Java 17 has no pattern-matching switch: a
     * new event type does not compile until it is projected here.
     */
    private final class Projecting implements RoadmapEvent.Handler<Boolean> {

        @Override
        public Boolean on(MilestoneStatusChanged event) {
            throw new IllegalStateException("Milestone events are applied a run at a time");
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
