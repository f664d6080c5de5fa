package nl.amsterdameconomicboard.roadmaps.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FixedRateLoadTest {

    @Test
    void requestsAreDueEveryOneOverRateApart() {
        assertThat(FixedRateLoad.intendedOffset(0, 200)).isZero();
        assertThat(FixedRateLoad.intendedOffset(1, 200)).isEqualTo(5_000_000);
        assertThat(FixedRateLoad.intendedOffset(200, 200)).isEqualTo(1_000_000_000);
    }

    @Test
    void sendsAtTheRateHoweverSlowTheAnswers() {
        // each answer takes 100 ms: one client waiting for each would manage 10 a second, the open model keeps to 200
        Call slow = () -> CompletableFuture.supplyAsync(() -> 200, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));

        LoadResult result = new FixedRateLoad(200, Duration.ZERO, Duration.ofSeconds(1)).run(slow);

        assertThat(result.ok()).isBetween(195L, 201L);
        assertThat(result.failed()).isZero();
        assertThat(result.percentileMillis(50)).isBetween(99.0, 160.0);
    }

    @Test
    void aStalledSenderStillOwesItsRequestsAndTheirWaitCounts() {
        // the 50th send blocks the driver for 300 ms (a full pool, a GC pause): the ~30 requests due meanwhile go out late,
        // and each is measured from when it was due, not from when it finally went out (coordinated omission)
        AtomicInteger sent = new AtomicInteger();
        Call stallsOnce = () -> {
            if (sent.incrementAndGet() == 50) {
                sleep(300);
            }
            return CompletableFuture.completedFuture(200);
        };

        LoadResult result = new FixedRateLoad(100, Duration.ZERO, Duration.ofSeconds(1)).run(stallsOnce);

        assertThat(result.ok()).isBetween(98L, 101L);
        assertThat(result.latencyMicros().getMaxValue() / 1000.0).isGreaterThanOrEqualTo(290);
        long late = result.latencyMicros().getCountBetweenValues(100_000, Long.MAX_VALUE / 2);
        assertThat(late).as("requests measured at 100 ms or more").isGreaterThanOrEqualTo(15);
        assertThat(result.percentileMillis(50)).isLessThan(50);
    }

    @Test
    void theWarmUpIsSentButNotMeasured() {
        AtomicInteger sent = new AtomicInteger();
        Call counting = () -> {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(200);
        };

        LoadResult result = new FixedRateLoad(100, Duration.ofMillis(500), Duration.ofMillis(500)).run(counting);

        assertThat(sent.get()).isBetween(98, 101);
        assertThat(result.ok()).isBetween(48L, 51L);
        assertThat(result.throughput()).isCloseTo(100, within(4.0));
    }

    @Test
    void errorsAndUnansweredRequestsCountAsFailedNotAsSamples() {
        AtomicInteger sent = new AtomicInteger();
        Call mixed = () -> switch (sent.incrementAndGet() % 3) {
            case 0 -> CompletableFuture.completedFuture(503);
            case 1 -> new CompletableFuture<>(); // never answered
            default -> CompletableFuture.completedFuture(200);
        };

        LoadResult result = new FixedRateLoad(60, Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(200)).run(mixed);

        assertThat(result.ok() + result.failed()).isBetween(29L, 31L);
        assertThat(result.failed()).isBetween(19L, 21L);
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(result.ok());
    }

    @Test
    void a429StopsTheLoadWithTheWayOut() {
        Call limited = () -> CompletableFuture.failedFuture(new RateLimitedException("GET /api/scorecards"));

        assertThatThrownBy(() -> new FixedRateLoad(100, Duration.ZERO, Duration.ofSeconds(5)).run(limited))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("GATEWAY_RATE_LIMITS=off");
    }

    @Test
    void theClosedModelWaitsForEachAnswer() {
        Call tenMillis = () -> {
            sleep(10);
            return CompletableFuture.completedFuture(200);
        };

        LoadResult result = new ClosedLoad(2, Duration.ZERO, Duration.ofMillis(500)).run(tenMillis);

        // two clients, 10 ms each: about 100 answers, never the hundreds an open model at a high rate would send
        assertThat(result.ok()).isBetween(80L, 102L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
