package nl.amsterdameconomicboard.roadmaps.scorecard.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.amsterdameconomicboard.roadmaps.scorecard.projection.ProjectionVersions;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open dashboards, each on a server-sent-events connection. Every change that alters a scorecard is pushed as an
 * event {@code scorecard-changed} naming the challenge; a comment every 20 s keeps idle connections open through
 * proxies. Streams are capped per instance and per client address and end after their lifetime ({@link StreamLimits});
 * a dashboard reconnects by itself (EventSource) when a stream ends, and backs off when it is refused.
 * <p>
 * With several replicas, each dashboard is connected to one of them and is told every change whichever replica
 * applied it: the changes are shared through the store ({@link SharedChanges}) and each replica looks at them every
 * {@code scorecard.stream.shared-changes-poll} (150 ms; {@code SCORECARD_STREAM_SHARED_CHANGES_POLL}).
 */
@Component
public class ScorecardStream {

    private static final Logger log = LoggerFactory.getLogger(ScorecardStream.class);

    /** After a refusal: long enough for streams to end (their lifetime), short enough to be live again soon. */
    private static final Duration RETRY_AFTER_REFUSAL = Duration.ofSeconds(60);
    /** After a normal end: EventSource waits this long before it reconnects. */
    private static final Duration RECONNECT = Duration.ofSeconds(5);

    /** Each open stream and the client address it counts against. */
    private final Map<SseEmitter, String> connections = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final StreamLimits limits;
    private final SharedChanges shared;
    private final ProjectionVersions versions;
    private final Told told = new Told();
    private final Clock clock;
    private volatile boolean storeWasUnavailable;

    ScorecardStream(StreamLimits limits, SharedChanges shared, ProjectionVersions versions, Clock clock) {
        this.versions = versions;
        this.limits = limits;
        this.shared = shared;
        this.clock = clock;
    }

    /** A new stream for a dashboard at {@code client} (its address), or a refusal when the caps are reached. */
    public SseEmitter open(String client) {
        SseEmitter emitter = new SseEmitter(limits.lifetime().toMillis());
        admit(client, emitter);
        emitter.onCompletion(() -> close(emitter));
        emitter.onTimeout(() -> close(emitter));
        emitter.onError(e -> close(emitter));
        send(emitter, SseEmitter.event().comment("connected").reconnectTime(RECONNECT.toMillis()));
        return emitter;
    }

    /** Counts the stream in, or refuses it; counting and checking are one step so that a burst cannot overshoot. */
    private synchronized void admit(String client, SseEmitter emitter) {
        if (connections.size() >= limits.maxConnections()) {
            throw refusal(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams",
                    "This scorecard instance has as many live dashboards as it keeps (" + limits.maxConnections() + "). Try again shortly.");
        }
        if (perClient.getOrDefault(client, 0) >= limits.maxPerClient()) {
            throw refusal(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams-from-client",
                    "Your address already has " + limits.maxPerClient() + " live dashboards open; close one or try again later.");
        }
        perClient.merge(client, 1, Integer::sum);
        connections.put(emitter, client);
    }

    private static ErrorResponseException refusal(HttpStatus status, String type, String detail) {
        return Problems.retryLater(status, type, detail, RETRY_AFTER_REFUSAL);
    }

    /** The number of streams open on this instance. */
    public int openStreams() {
        return connections.size();
    }

    /** What changed a scorecard: the event type (or repair) and the entity key it names. */
    public record Cause(String type, String key) {
    }

    /** {@link #changed(String, List)} for one change. */
    public void changed(String challenge, String eventType, String key) {
        changed(challenge, List.of(new Cause(eventType, key)));
    }

    /**
     * A challenge's scorecard changed here, once per cause (this replica applied the events, or repaired the
     * challenge): tells this replica's dashboards at once, and records the changes for the other replicas in one write,
     * which tell theirs at their next {@link #tellChangesOfOtherReplicas() look}. Should the store not take the record,
     * this replica's dashboards are still told; the others' learn of the challenge's next change.
     */
    public void changed(String challenge, List<Cause> causes) {
        if (causes.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        long last;
        try {
            last = shared.record(challenge, causes, at);
        } catch (DataAccessException storeUnavailable) {
            log.warn("Could not share a change of {} with the other scorecard replicas: {}", challenge, storeUnavailable.getMessage());
            causes.forEach(cause -> tell(challenge, cause.type(), cause.key(), at));
            return;
        }
        long number = last - causes.size();
        for (Cause cause : causes) {
            if (told.firstTime(challenge, ++number)) {
                tell(challenge, cause.type(), cause.key(), at);
            }
        }
    }

    /**
     * Tells this replica's dashboards the changes the other replicas applied since the last look: one small query of
     * the challenges' numbers, and a read of the challenges whose number moved. Each change is told once here, whether
     * this replica applied it ({@link #changed}) or another did.
     */
    @Scheduled(fixedDelayString = "${scorecard.stream.shared-changes-poll:150ms}")
    void tellChangesOfOtherReplicas() {
        try {
            Map<String, Long> numbers = shared.numbers();
            if (!told.primed()) {
                told.startFrom(numbers); // what happened before this replica started is no news to its dashboards
            } else {
                if (numbers.entrySet().stream().anyMatch(n -> n.getValue() > told.upTo(n.getKey()))) {
                    versions.look(); // a dashboard told of the change and asking this replica for the card must get the new one
                }
                numbers.forEach((challenge, number) -> {
                    long upTo = told.upTo(challenge);
                    if (number > upTo) {
                        tellSince(challenge, upTo);
                    }
                });
            }
            if (storeWasUnavailable) {
                storeWasUnavailable = false;
                log.info("The other scorecard replicas' changes are read again");
            }
        } catch (DataAccessException storeUnavailable) {
            if (!storeWasUnavailable) {
                storeWasUnavailable = true; // once per outage, not every 150 ms
                log.warn("Cannot read the other scorecard replicas' changes: {}", storeUnavailable.getMessage());
            }
        }
    }

    private void tellSince(String challenge, long upTo) {
        List<SharedChanges.Change> changes = shared.after(challenge, upTo);
        if (!SharedChanges.complete(changes, upTo)) {
            // more changes than the store keeps since the last look: one word that the challenge changed covers them
            tell(challenge, "scorecard.changed", challenge, clock.instant());
        }
        for (SharedChanges.Change change : changes) {
            if (told.firstTime(challenge, change.number())) {
                tell(challenge, change.cause(), change.key(), change.at());
            }
        }
        if (!changes.isEmpty()) {
            told.upTo(challenge, changes.get(changes.size() - 1).number());
        }
    }

    private void tell(String challenge, String cause, String key, Instant at) {
        Map<String, String> data = Map.of("challenge", challenge, "cause", cause, "key", key, "at", at.toString());
        for (SseEmitter emitter : connections.keySet()) {
            send(emitter, SseEmitter.event().name("scorecard-changed").data(data, MediaType.APPLICATION_JSON));
        }
    }

    @Scheduled(fixedRate = 20_000)
    void keepAlive() {
        connections.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive")));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            close(emitter); // the dashboard went away; the container ends the request
        }
    }

    /**
     * Which changes this replica's dashboards were told, per challenge: every one up to a number (moved by the look
     * at the shared changes), and those above it that this replica applied itself and told at once. A change is told
     * when it is first seen, by either way, and never again.
     */
    private static final class Told {

        private final Map<String, Long> upTo = new HashMap<>();
        private final Map<String, Set<Long>> ahead = new HashMap<>();
        private boolean primed;

        synchronized boolean primed() {
            return primed;
        }

        synchronized void startFrom(Map<String, Long> numbers) {
            upTo.putAll(numbers);
            ahead.forEach((challenge, numbersAhead) -> numbersAhead.removeIf(n -> n <= upTo.getOrDefault(challenge, 0L)));
            primed = true;
        }

        synchronized long upTo(String challenge) {
            return upTo.getOrDefault(challenge, 0L);
        }

        synchronized void upTo(String challenge, long number) {
            upTo.merge(challenge, number, Math::max);
            Set<Long> numbersAhead = ahead.get(challenge);
            if (numbersAhead != null) {
                numbersAhead.removeIf(n -> n <= upTo.get(challenge));
            }
        }

        /** Whether this change is news here; from now on it is not. */
        synchronized boolean firstTime(String challenge, long number) {
            return number > upTo.getOrDefault(challenge, 0L) && ahead.computeIfAbsent(challenge, c -> new HashSet<>()).add(number);
        }
    }

    /** Counts a stream out, once however many of its callbacks (completion, timeout, error, failed send) say it ended. */
    private synchronized void close(SseEmitter emitter) {
        String client = connections.remove(emitter);
        if (client != null) {
            perClient.computeIfPresent(client, (address, open) -> open > 1 ? open - 1 : null);
        }
    }
}
