package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller: {@code burst} tokens to start with, refilled at {@code perSecond}; each request takes
 * one. A caller whose bucket is empty is told how long until the next token. A bucket that has filled up again is
 * the same as none, so when there are many callers the full ones are dropped; memory stays bounded by the callers
 * active within the last {@code burst / perSecond} seconds.
 */
final class TokenBuckets {

    /** Above this many callers, full buckets are dropped before another is added. */
    static final int SWEEP_ABOVE = 50_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate needs a positive rate per second and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes a token of {@code caller}'s bucket: empty if there was one, else how long until there is. */
    Optional<Duration> take(String caller) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE && !buckets.containsKey(caller)) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        return buckets.computeIfAbsent(caller, c -> new Bucket(burst, now)).take(now);
    }

    int callers() {
        return buckets.size();
    }

    private final class Bucket {

        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9)));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
        }
    }
}
