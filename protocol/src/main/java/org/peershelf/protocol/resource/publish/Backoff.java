package org.peershelf.protocol.resource.publish;

import java.time.Duration;

/** Doubling retry delays between a first and a largest one; reset by a success. Not thread-safe (one drain thread). */
final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off " + initial + "…" + max);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = initialMillis;
    }

    long next() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    void reset() {
        nextMillis = initialMillis;
    }
}
