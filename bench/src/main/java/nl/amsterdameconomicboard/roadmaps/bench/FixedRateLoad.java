package nl.amsterdameconomicboard.roadmaps.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-model load: request i is due at {@code start + i / rate}, whatever happened to the earlier ones, and its
 * latency runs from that intended moment to its answer. A driver that is held up (a stalled sender, a full connection
 * pool, a pause of this JVM) sends the requests it owes late but still owes them, and their wait counts: coordinated
 * omission is accounted for, as in wrk2 and Gatling's open injection. The first {@code warmup} is sent but not measured.
 */
public final class FixedRateLoad {

    private final double rate;
    private final Duration warmup;
    private final Duration measure;
    private final Duration drain;

    public FixedRateLoad(double rate, Duration warmup, Duration measure) {
        this(rate, warmup, measure, Duration.ofSeconds(30));
    }

    FixedRateLoad(double rate, Duration warmup, Duration measure, Duration drain) {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        this.rate = rate;
        this.warmup = warmup;
        this.measure = measure;
        this.drain = drain;
    }

    /** The moment request {@code i} is due, in nanoseconds after the start. */
    static long intendedOffset(long i, double rate) {
        return (long) (i * 1e9 / rate);
    }

    public LoadResult run(Call call) {
        Histogram latencies = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<RateLimitedException> limited = new java.util.concurrent.atomic.AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        for (long i = 0; ; i++) {
            long intended = start + intendedOffset(i, rate);
            if (intended >= end) {
                break;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = intended >= measureFrom;
            if (measured) {
                outstanding.incrementAndGet();
            }
            CompletableFuture<Integer> answer;
            try {
                answer = call.start();
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((status, error) -> {
                long now = System.nanoTime();
                if (error != null && RateLimitedException.find(error) != null) {
                    limited.compareAndSet(null, RateLimitedException.find(error));
                }
                if (measured) {
                    if (error == null && status != null && status < 400) {
                        latencies.recordValue(Math.max(0, (now - intended) / 1000));
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
                if (measured) {
                    outstanding.decrementAndGet();
                }
            });
            if (limited.get() != null) {
                throw limited.get();
            }
        }
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        if (limited.get() != null) {
            throw limited.get();
        }
        // a measured request whose answer never came within the drain is a failure, not a missing sample
        long lost = outstanding.get();
        Histogram copy = latencies.copy();
        return new LoadResult(copy, ok.get(), failed.get() + lost, measure.toNanos() / 1e9);
    }
}
