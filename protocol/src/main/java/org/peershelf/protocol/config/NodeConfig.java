package org.peershelf.protocol.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a peer node can be tuned with, in one immutable record. Defaults (see {@link #defaults()})
 * are documented in the README; the CLI and the app build this from flags and settings.
 *
 * @param bindHost           address the Socket.IO server listens on
 * @param advertisedHost     address other peers are told to dial (published in the online list)
 * @param port               listening port; 0 picks a free one
 * @param maxLinks           bound on open peer links; beyond it links open on demand and idle ones close
 * @param heartbeatInterval  how often the device refreshes its online entry and reads the online list
 * @param staleAfterBeats    a device whose heartbeat is older than this many intervals counts as offline
 * @param voteRatio          r: a device leaves the online list when voters / other online devices > r
 * @param pingInterval       how often each link measures its round-trip time
 * @param requestTimeout     how long a request waits for its acknowledgement
 * @param dialTimeout        how long connecting to a peer may take (the handshake after it: {@link #handshakeTimeout()})
 * @param maxPayloadChars    largest event payload accepted from a peer
 * @param plainLinks         links without TLS (--insecure-plain-links), for debugging only; default false
 * @param connectionLimits   per-address bounds on connections to the server, before any handshake
 * @param requestLimits      how many events each linked peer may send us (see {@link RequestLimits})
 */
public record NodeConfig(String bindHost, String advertisedHost, int port, int maxLinks, Duration heartbeatInterval,
                         int staleAfterBeats, double voteRatio, Duration pingInterval, Duration requestTimeout,
                         Duration dialTimeout, int maxPayloadChars, boolean plainLinks,
                         ConnectionLimits connectionLimits, RequestLimits requestLimits) {
    public static final int DEFAULT_MAX_PAYLOAD_CHARS = 4 * 1024 * 1024;

    public NodeConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(connectionLimits, "connectionLimits");
        Objects.requireNonNull(requestLimits, "requestLimits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, not " + port + ".");
        }
        if (maxLinks < 1) {
            throw new IllegalArgumentException("The link bound must be at least 1.");
        }
        if (voteRatio <= 0 || voteRatio >= 1) {
            throw new IllegalArgumentException("The vote ratio r must be between 0 and 1 (exclusive), not " + voteRatio + ".");
        }
        if (staleAfterBeats < 2) {
            throw new IllegalArgumentException("A device must be allowed to miss at least one heartbeat.");
        }
    }

    public static NodeConfig defaults() {
        return new NodeConfig("127.0.0.1", "127.0.0.1", 0, 64, Duration.ofSeconds(2), 3, 0.5,
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(5), DEFAULT_MAX_PAYLOAD_CHARS, false,
                ConnectionLimits.defaults(), RequestLimits.defaults());
    }

    /**
     * How long a connected link may take to finish TLS and the signed hello, on either side. Longer
     * than the dial timeout: a dead device is refused at once, and a busy one (fifty peers starting
     * on two cores) would otherwise time out half-done handshakes and redo the work again and again.
     */
    public Duration handshakeTimeout() {
        return dialTimeout.multipliedBy(3);
    }

    public Duration staleAfter() {
        return heartbeatInterval.multipliedBy(staleAfterBeats);
    }

    public NodeConfig withPort(int newPort) {
        return new NodeConfig(bindHost, advertisedHost, newPort, maxLinks, heartbeatInterval, staleAfterBeats, voteRatio,
                pingInterval, requestTimeout, dialTimeout, maxPayloadChars, plainLinks, connectionLimits, requestLimits);
    }

    public NodeConfig withHosts(String newBindHost, String newAdvertisedHost) {
        return new NodeConfig(newBindHost, newAdvertisedHost, port, maxLinks, heartbeatInterval, staleAfterBeats,
                voteRatio, pingInterval, requestTimeout, dialTimeout, maxPayloadChars, plainLinks, connectionLimits, requestLimits);
    }

    public NodeConfig withRequestTimeout(Duration timeout) {
        return new NodeConfig(bindHost, advertisedHost, port, maxLinks, heartbeatInterval, staleAfterBeats, voteRatio,
                pingInterval, timeout, dialTimeout, maxPayloadChars, plainLinks, connectionLimits, requestLimits);
    }

    public NodeConfig withHeartbeat(Duration interval) {
        return new NodeConfig(bindHost, advertisedHost, port, maxLinks, interval, staleAfterBeats, voteRatio,
                pingInterval, requestTimeout, dialTimeout, maxPayloadChars, plainLinks, connectionLimits, requestLimits);
    }

    public NodeConfig withMaxLinks(int bound) {
        return new NodeConfig(bindHost, advertisedHost, port, bound, heartbeatInterval, staleAfterBeats, voteRatio,
                pingInterval, requestTimeout, dialTimeout, maxPayloadChars, plainLinks, connectionLimits, requestLimits);
    }

    public NodeConfig withVoteRatio(double ratio) {
        return new NodeConfig(bindHost, advertisedHost, port, maxLinks, heartbeatInterval, staleAfterBeats, ratio,
                pingInterval, requestTimeout, dialTimeout, maxPayloadChars, plainLinks, connectionLimits, requestLimits);
    }

    /** Links without TLS: only for debugging with a packet capture; never the default. */
    public NodeConfig withPlainLinks(boolean plain) {
        return new NodeConfig(bindHost, advertisedHost, port, maxLinks, heartbeatInterval, staleAfterBeats, voteRatio,
                pingInterval, requestTimeout, dialTimeout, maxPayloadChars, plain, connectionLimits, requestLimits);
    }

    public NodeConfig withConnectionLimits(ConnectionLimits limits) {
        return new NodeConfig(bindHost, advertisedHost, port, maxLinks, heartbeatInterval, staleAfterBeats, voteRatio,
                pingInterval, requestTimeout, dialTimeout, maxPayloadChars, plainLinks, limits, requestLimits);
    }

    public NodeConfig withRequestLimits(RequestLimits limits) {
        return new NodeConfig(bindHost, advertisedHost, port, maxLinks, heartbeatInterval, staleAfterBeats, voteRatio,
                pingInterval, requestTimeout, dialTimeout, maxPayloadChars, plainLinks, connectionLimits, limits);
    }
}
