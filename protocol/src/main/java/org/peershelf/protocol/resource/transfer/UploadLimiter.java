package org.peershelf.protocol.resource.transfer;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket over all uploads: tokens are bytes, refilled at the configured rate, at most one second's worth
 * saved up. {@link #acquire} blocks the calling upload thread (never a network thread) until the bytes may go.
 * A rate of 0 means no limit. The rate can change while running (a setting in the app).
 */
public final class UploadLimiter {
    private long bytesPerSecond;
    private double tokens;
    private long lastNanos = System.nanoTime();

    public UploadLimiter(long bytesPerSecond) {
        setRate(bytesPerSecond);
    }

    public synchronized void setRate(long newBytesPerSecond) {
        if (newBytesPerSecond < 0) {
            throw new IllegalArgumentException("The upload rate limit cannot be negative.");
        }
        this.bytesPerSecond = newBytesPerSecond;
        this.tokens = 0;
        this.lastNanos = System.nanoTime();
    }

    public synchronized long rate() {
        return bytesPerSecond;
    }

    /** Waits until {@code bytes} may be sent. */
    public void acquire(long bytes) throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                if (bytesPerSecond == 0) {
                    return;
                }
                refill();
                // a chunk larger than the bucket may go once the bucket is full, so nothing starves
                double needed = Math.min(bytes, bytesPerSecond);
                if (tokens >= needed) {
                    tokens -= bytes;
                    return;
                }
                waitNanos = (long) ((needed - tokens) / bytesPerSecond * 1e9);
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(waitNanos, 100_000));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(bytesPerSecond, tokens + (now - lastNanos) / 1e9 * bytesPerSecond);
        lastNanos = now;
    }
}
