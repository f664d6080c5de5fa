package nl.amsterdameconomicboard.roadmaps.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Closed-model load: {@code connections} clients, each sending its next request as soon as the last one is answered.
 * It finds the throughput at saturation; its latencies are from each request's actual start (a closed model cannot
 * have coordinated omission accounted for: its clients wait, so read its percentiles as "at this concurrency").
 */
public final class ClosedLoad {

    private final int connections;
    private final Duration warmup;
    private final Duration measure;

    public ClosedLoad(int connections, Duration warmup, Duration measure) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1: " + connections);
        }
        this.connections = connections;
        this.warmup = warmup;
        this.measure = measure;
    }

    public LoadResult run(Call call) {
        Histogram latencies = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> clients = new ArrayList<>();
        List<RuntimeException> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread client = new Thread(() -> {
                long begun;
                while ((begun = System.nanoTime()) < end && refused.isEmpty()) {
                    Integer status = null;
                    try {
                        status = call.start().join();
                    } catch (RuntimeException e) {
                        if (RateLimitedException.find(e) != null) {
                            refused.add(RateLimitedException.find(e));
                            return;
                        }
                    }
                    long done = System.nanoTime();
                    if (begun >= measureFrom && done <= end) {
                        if (status != null && status < 400) {
                            latencies.recordValue((done - begun) / 1000);
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
            }, "closed-load-" + c);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
        return new LoadResult(latencies.copy(), ok.get(), failed.get(), measure.toNanos() / 1e9);
    }
}
