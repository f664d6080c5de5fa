package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aCallerHasTheBurstAtOnceThenTheRateAndIsToldHowLongToWait() {
        TokenBuckets buckets = new TokenBuckets(2, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isEmpty();
        }
        assertThat(buckets.take("a")).hasValue(Duration.ofMillis(500));
        assertThat(buckets.take("b")).as("another caller, another bucket").isEmpty();

        now.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(buckets.take("a")).hasValue(Duration.ofMillis(250));
        now.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(buckets.take("a")).isEmpty();
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).as("refilled to the burst, never beyond").isEmpty();
        }
        assertThat(buckets.take("a")).isPresent();
    }

    @Test
    void fullBucketsAreDroppedWhenThereAreManyCallersSoMemoryStaysBounded() {
        TokenBuckets buckets = new TokenBuckets(1, 1, now::get);
        for (int i = 0; i <= TokenBuckets.SWEEP_ABOVE; i++) {
            buckets.take("caller-" + i);
        }
        assertThat(buckets.callers()).isEqualTo(TokenBuckets.SWEEP_ABOVE + 1);
        now.addAndGet(Duration.ofSeconds(2).toNanos()); // all full again: the same as no bucket at all
        buckets.take("one-more");
        assertThat(buckets.callers()).isEqualTo(1);
    }
}
