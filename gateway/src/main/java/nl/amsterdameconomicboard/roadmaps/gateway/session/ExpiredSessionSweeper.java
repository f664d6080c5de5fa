package nl.amsterdameconomicboard.roadmaps.gateway.session;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates the session store's TTL index, and deletes expired sessions every {@code interval}: a real MongoDB's TTL
 * monitor does that too (about once a minute), the embedded local store has none. Each replica sweeps; deleting
 * what is already gone is harmless. A store that is down is tried again at the next round.
 */
final class ExpiredSessionSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessionSweeper.class);

    private final MongoSessionRepository sessions;
    private final Duration interval;
    private volatile Disposable running;
    private volatile boolean indexed;

    ExpiredSessionSweeper(MongoSessionRepository sessions, Duration interval) {
        this.sessions = sessions;
        this.interval = interval;
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ZERO, interval)
                .concatMap(round -> sweep().onErrorResume(e -> {
                    log.warn("Expired sessions not deleted this round: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    Mono<Long> sweep() {
        Mono<Void> index = indexed ? Mono.empty() : sessions.createIndexes().doOnSuccess(done -> indexed = true);
        return index.then(sessions.deleteExpired()).doOnNext(deleted -> {
            if (deleted > 0) {
                log.debug("Deleted {} expired sessions", deleted);
            }
        });
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
