package org.peershelf.protocol.wire;

/** Payloads of link upkeep events. */
public final class LinkMessages {
    private LinkMessages() {
    }

    /** Round-trip probe; the reply echoes the sender's clock reading. */
    public record Ping(long sentNanos) {
    }

    public record Pong(long sentNanos) {
    }

    /** "I am leaving the network": the receiver drops the link without voting or redialling. */
    public record Bye(String reason) {
    }
}
