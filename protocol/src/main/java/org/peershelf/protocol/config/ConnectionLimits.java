package org.peershelf.protocol.config;

/**
 * Bounds on what one remote address may open on this peer's server, before any handshake: concurrent
 * TCP connections and new connections (each a TLS and link handshake to pay for) per second. Loopback
 * has its own, higher bounds, because every peer of a benchmark or test run on one machine shares
 * 127.0.0.1.
 *
 * @param maxPerAddress          concurrent connections from one non-loopback address
 * @param attemptsPerSecond      new connections per second from one non-loopback address (sustained)
 * @param attemptBurst           new connections in a burst from one non-loopback address
 * @param maxPerLoopback         concurrent connections from loopback addresses (each counted separately)
 * @param loopbackAttemptsPerSecond new connections per second from one loopback address
 * @param loopbackAttemptBurst   new connections in a burst from one loopback address
 */
public record ConnectionLimits(int maxPerAddress, double attemptsPerSecond, int attemptBurst,
                               int maxPerLoopback, double loopbackAttemptsPerSecond, int loopbackAttemptBurst) {
    public ConnectionLimits {
        if (maxPerAddress < 1 || maxPerLoopback < 1 || attemptBurst < 1 || loopbackAttemptBurst < 1
                || attemptsPerSecond <= 0 || loopbackAttemptsPerSecond <= 0) {
            throw new IllegalArgumentException("Connection limits must be positive.");
        }
    }

    /**
     * 16 connections and 10/s (burst 30) per address: a device needs one, NAT-shared addresses a few.
     * Loopback: 512 connections and 200/s (burst 400), far above 50 peers on one machine dialling each other.
     */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(16, 10, 30, 512, 200, 400);
    }
}
