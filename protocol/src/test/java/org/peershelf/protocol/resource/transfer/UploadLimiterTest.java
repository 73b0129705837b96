package org.peershelf.protocol.resource.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadLimiterTest {
    @Test
    void unlimitedNeverWaits() throws Exception {
        UploadLimiter limiter = new UploadLimiter(0);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(1 << 20);
        }
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void limitedRateHoldsBackToRoughlyTheRate() throws Exception {
        UploadLimiter limiter = new UploadLimiter(4_000_000); // 4 MB/s, chunks of 1 MB: 5 chunks take >= ~1 s
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            limiter.acquire(1_000_000);
        }
        assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(1.0);
    }
}
