package org.peershelf.protocol.config;

/**
 * How many events a linked peer may send us: a sustained rate with a burst on top; events beyond
 * it are answered "rate-limited", and a link refused {@code dropAfterRefusals} times in a row is
 * dropped (an honest peer backs off long before). The defaults leave room for chunk downloads at
 * well over 100 MiB/s and a room's catch-up sync, and stop a flood within a second or two.
 */
public record RequestLimits(double perSecond, int burst, int dropAfterRefusals) {
    public RequestLimits {
        if (perSecond <= 0 || burst < 1 || dropAfterRefusals < 1) {
            throw new IllegalArgumentException("Request limits must be positive.");
        }
    }

    public static RequestLimits defaults() {
        return new RequestLimits(500, 1000, 2000);
    }
}
