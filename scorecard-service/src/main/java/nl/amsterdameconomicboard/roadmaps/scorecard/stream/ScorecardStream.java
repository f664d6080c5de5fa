package nl.amsterdameconomicboard.roadmaps.scorecard.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open dashboards, each on a server-sent-events connection. Every change that alters a scorecard is pushed as an
 * event {@code scorecard-changed} naming the challenge; a comment every 20 s keeps idle connections open through
 * proxies. A dashboard reconnects by itself (EventSource) when a connection ends.
 */
@Component
public class ScorecardStream {

    private static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(30);

    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    ScorecardStream(Clock clock) {
        this.clock = clock;
    }

    public SseEmitter open() {
        SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, SseEmitter.event().comment("connected"));
        return emitter;
    }

    public void changed(String challenge, String eventType, String key) {
        Map<String, String> data = Map.of("challenge", challenge, "cause", eventType, "key", key, "at", clock.instant().toString());
        for (SseEmitter emitter : emitters) {
            send(emitter, SseEmitter.event().name("scorecard-changed").data(data, MediaType.APPLICATION_JSON));
        }
    }

    @Scheduled(fixedRate = 20_000)
    void keepAlive() {
        emitters.forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive")));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            emitters.remove(emitter); // the dashboard went away
        }
    }
}
