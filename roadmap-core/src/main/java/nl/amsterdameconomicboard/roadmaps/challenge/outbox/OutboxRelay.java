package nl.amsterdameconomicboard.roadmaps.challenge.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events that changes left in their documents ({@code pendingEvents}) and removes each one once
 * Kafka has acknowledged it (idempotent producer, acks=all). If Kafka is down or the service dies in between,
 * the events stay pending and go out on the next run: nothing is lost, and a repeat carries the same event id.
 *
 * <p>An event Kafka refuses for good (larger than {@code max.request.size}, say: {@link KafkaRefusals}) would stop its
 * entity's events and every later document's, retried forever. It is parked instead ({@link ParkedEvents}: kept,
 * counted in {@code roadmap.outbox.parked}, listed for admins, sent again on request), and the relay goes on with the
 * next event, of the same entity too. That a later event of the entity overtakes the parked one is safe for the
 * scorecard's state: every event carries its entity's state at its revision, and the scorecard keeps the highest
 * revision, so it shows the entity as the later event says. What only the parked event said is missing there (one
 * entry of a milestone's status history, one value of an indicator's series) until an admin re-announces the
 * challenge (its snapshots carry the whole state); a parked event sent again after a later one is ignored by the
 * scorecard as overtaken, so a retry restores it only while nothing newer of its entity went out.
 */
@Component
public class OutboxRelay implements DisposableBean {

    /** Collections whose documents carry pending events. */
    static final List<String> COLLECTIONS = List.of("spearheads", "milestones", "indicators", "initiatives");

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final ChallengeProperties challenge;
    private final KafkaAdmin admin;
    private final Duration sendTimeout;
    private final ParkedEvents parked;
    private volatile long topicsDeclaredAt;
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean nudgeQueued = new AtomicBoolean();

    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, ChallengeProperties challenge, KafkaAdmin admin,
                ParkedEvents parked, @Value("${roadmap.outbox.send-timeout:10s}") Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.challenge = challenge;
        this.admin = admin;
        this.parked = parked;
        this.sendTimeout = sendTimeout;
    }

    /** Publish soon, without making the caller wait for Kafka. */
    public void publishSoon() {
        if (nudgeQueued.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgeQueued.set(false);
                publishPending();
            });
        }
    }

    /** The safety net: whatever a nudge could not publish (Kafka down, a crash) goes out here. */
    @Scheduled(fixedDelayString = "${roadmap.outbox.poll-interval:2s}", initialDelayString = "${roadmap.outbox.initial-delay:1s}")
    public synchronized void publishPending() {
        for (String collection : COLLECTIONS) {
            for (Document document : mongo.find(query(where("pendingEvents.0").exists(true)), Document.class, collection)) {
                if (!publishAll(collection, document)) {
                    return; // Kafka is unreachable: try again on the next run
                }
            }
        }
    }

    /** Number of events stored but not yet acknowledged by Kafka. */
    public long pendingCount() {
        long count = 0;
        for (String collection : COLLECTIONS) {
            for (Document document : mongo.find(query(where("pendingEvents.0").exists(true)), Document.class, collection)) {
                count += document.getList("pendingEvents", Document.class).size();
            }
        }
        return count;
    }

    /** @return false if Kafka is unreachable, so that the run ends */
    private boolean publishAll(String collection, Document document) {
        for (Document pending : document.getList("pendingEvents", Document.class)) { // in order: one entity's events keep their order
            ProducerRecord<String, CloudEvent> record;
            try {
                record = record(pending);
            } catch (RuntimeException unreadable) {
                park(collection, document, pending, "The stored event cannot be read: " + unreadable.getMessage());
                continue;
            }
            try {
                kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                Optional<String> refusal = KafkaRefusals.permanent(e);
                if (refusal.isPresent()) {
                    park(collection, document, pending, refusal.get());
                    continue;
                }
                log.warn("Event {} stays pending: Kafka did not acknowledge it ({})", pending.get("eventId"), e.getMessage());
                declareTopicsAgain();
                return false;
            }
            mongo.updateFirst(query(where("_id").is(document.get("_id"))),
                    new Update().pull("pendingEvents", new Document("eventId", pending.get("eventId"))), collection);
        }
        return true;
    }

    private ProducerRecord<String, CloudEvent> record(Document pending) {
        PendingEvent event = mongo.getConverter().read(PendingEvent.class, pending);
        CloudEvent cloudEvent = RoadmapEvents.event(UUID.fromString(event.eventId()), RoadmapEvents.source(challenge.code()),
                event.eventType(), event.key(), event.occurredAt(), event.payload());
        return new ProducerRecord<>(event.topic(), event.key(), cloudEvent);
    }

    private void park(String collection, Document document, Document pending, String reason) {
        log.error("Event {} of {}/{} is parked, not sent ({}); it stays in the store, and an admin sees it at GET /api/{}/outbox/parked and "
                + "can send it again", pending.get("eventId"), collection, document.get("_id"), reason, challenge.code());
        parked.park(collection, document.get("_id"), pending, reason);
    }

    /** Kafka was unreachable at start-up, so the topics may not exist yet; declare them again, at most every 30 s. */
    private void declareTopicsAgain() {
        long now = System.currentTimeMillis();
        if (now - topicsDeclaredAt > 30_000) {
            topicsDeclaredAt = now;
            try {
                admin.initialize();
            } catch (RuntimeException e) {
                log.debug("Topics not declared yet: {}", e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        nudges.shutdown();
    }
}
