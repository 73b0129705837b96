package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void allowsTheBurstThenRefusesUntilTokensRefill() {
        TokenBucket bucket = new TokenBucket(10, 3, now::get);

        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();

        now.addAndGet(100_000_000L); // 0.1 s at 10/s: one token
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurstAfterALongPause() {
        TokenBucket bucket = new TokenBucket(1000, 2, now::get);
        now.addAndGet(60_000_000_000L);

        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }
}
