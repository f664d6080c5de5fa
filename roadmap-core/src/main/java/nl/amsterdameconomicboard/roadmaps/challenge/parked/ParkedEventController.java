package nl.amsterdameconomicboard.roadmaps.challenge.parked;

import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import nl.amsterdameconomicboard.roadmaps.challenge.change.PageOf;
import nl.amsterdameconomicboard.roadmaps.challenge.change.UnknownEntityException;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.OutboxRelay;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.ParkedEvents;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events Kafka refused for good ({@link ParkedEvents}), for admins only: the list, the latest parked first, and
 * sending one again once its cause is fixed (the producer's limit raised, the topic created).
 */
@RestController
@RequestMapping("/api/${roadmap.challenge.code}/outbox/parked")
class ParkedEventController {

    private final MongoTemplate mongo;
    private final ParkedEvents parked;
    private final OutboxRelay relay;
    private final ChallengeProperties challenge;

    ParkedEventController(MongoTemplate mongo, ParkedEvents parked, OutboxRelay relay, ChallengeProperties challenge) {
        this.mongo = mongo;
        this.parked = parked;
        this.relay = relay;
        this.challenge = challenge;
    }

    @GetMapping
    PageOf<ParkedEventView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageOf.read(mongo, new Query(), Sort.by(Sort.Direction.DESC, "parkedAt"), page, size, ParkedEvents.COLLECTION,
                d -> ParkedEventView.of(d, challenge.code()));
    }

    /** Back to the end of its entity's pending events; the relay sends it at once (and parks it again if Kafka still refuses it). */
    @PostMapping("/{eventId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> retry(@PathVariable String eventId) {
        if (!parked.retry(eventId)) {
            throw new UnknownEntityException("Parked event", eventId);
        }
        relay.publishSoon();
        return Map.of("eventId", eventId, "status", "pending");
    }
}
