package org.peershelf.protocol.wire;

/** Payloads of link upkeep events. */
public final class LinkMessages {
    private LinkMessages() {
    }

    /**
     * Round-trip probe; the reply echoes the sender's clock reading. {@code rttMillis} is the round trip the sender
     * has measured on this link so far (absent before its first sample, and from versions before it was added), so
     * the device that answers learns it without probing the link itself.
     */
    public record Ping(long sentNanos, Double rttMillis) {
        public Ping(long sentNanos) {
            this(sentNanos, null);
        }
    }

    public record Pong(long sentNanos) {
    }

    /** "I am leaving the network": the receiver drops the link without voting or redialling. */
    public record Bye(String reason) {
    }
}
