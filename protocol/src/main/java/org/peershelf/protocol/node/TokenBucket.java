package org.peershelf.protocol.node;

import java.util.function.LongSupplier;

/** A token bucket: {@code burst} tokens at most, refilled at {@code perSecond}; not thread-safe (callers lock). */
final class TokenBucket {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private double tokens;
    private long lastNanos;

    TokenBucket(double perSecond, int burst, LongSupplier nanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanos = nanos;
        this.tokens = burst;
        this.lastNanos = nanos.getAsLong();
    }

    boolean tryTake() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
