package nl.amsterdameconomicboard.roadmaps.scorecard.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
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
 */
@Component
public class ScorecardStream {

    /** After a refusal: long enough for streams to end (their lifetime), short enough to be live again soon. */
    private static final Duration RETRY_AFTER_REFUSAL = Duration.ofSeconds(60);
    /** After a normal end: EventSource waits this long before it reconnects. */
    private static final Duration RECONNECT = Duration.ofSeconds(5);

    /** Each open stream and the client address it counts against. */
    private final Map<SseEmitter, String> connections = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final StreamLimits limits;
    private final Clock clock;

    ScorecardStream(StreamLimits limits, Clock clock) {
        this.limits = limits;
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

    public void changed(String challenge, String eventType, String key) {
        Map<String, String> data = Map.of("challenge", challenge, "cause", eventType, "key", key, "at", clock.instant().toString());
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

    /** Counts a stream out, once however many of its callbacks (completion, timeout, error, failed send) say it ended. */
    private synchronized void close(SseEmitter emitter) {
        String client = connections.remove(emitter);
        if (client != null) {
            perClient.computeIfPresent(client, (address, open) -> open > 1 ? open - 1 : null);
        }
    }
}
