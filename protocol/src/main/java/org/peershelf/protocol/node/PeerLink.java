package org.peershelf.protocol.node;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.EventType;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.WireCodec;

/**
 * An authenticated link to one peer, usable in both directions whoever dialled. Requests are
 * acknowledged; the returned future completes off the network threads, on the node's worker pool.
 */
public final class PeerLink {
    private static final double MAX_PLAUSIBLE_RTT_MILLIS = 60_000;
    private final DeviceId self;
    private final DeviceId remote;
    private final boolean outbound;
    private final LinkTransport transport;
    private final WireCodec codec;
    private final Executor workers;
    private final Duration requestTimeout;
    private final SerialExecutor inbox;
    private final RttEstimator rtt = new RttEstimator();
    private volatile long lastActivityNanos = System.nanoTime();
    /** When the remote last shared the round trip it measured on this link (see {@link LatencyProbe}). */
    private volatile long remoteRttNanos = System.nanoTime();
    /** The shortest round trip this side measured itself on the link. */
    private volatile double ownMinRttMillis = Double.POSITIVE_INFINITY;
    private volatile boolean closed;
    private volatile boolean superseded;
    private volatile boolean remoteLeft;

    PeerLink(DeviceId self, DeviceId remote, boolean outbound, LinkTransport transport, WireCodec codec,
             Executor workers, Duration requestTimeout) {
        this.self = self;
        this.remote = remote;
        this.outbound = outbound;
        this.transport = transport;
        this.codec = codec;
        this.workers = workers;
        this.requestTimeout = requestTimeout;
        this.inbox = new SerialExecutor(workers);
    }

    public DeviceId remote() {
        return remote;
    }

    /** True if this device dialled the link. */
    public boolean outbound() {
        return outbound;
    }

    /** The device that dialled this link; of two links between the same pair, the smaller dialler's stays. */
    public DeviceId dialler() {
        return outbound ? self : remote;
    }

    public String remoteAddress() {
        return transport.remoteAddress();
    }

    public RttEstimator rtt() {
        return rtt;
    }

    /**
     * The remote shared the round trip it measured on this link: the same path both ways, so it counts as our
     * sample. Ignored unless plausible (a peer could otherwise skew our view of the link at will).
     */
    void recordRemoteRtt(double millis) {
        // a shared round trip well below one we measured ourselves on the same path is not believed: a peer could
        // otherwise make itself look closest (holder choice, host elections)
        if (millis >= 0 && millis <= MAX_PLAUSIBLE_RTT_MILLIS && millis >= ownMinRttMillis / 2) {
            rtt.record(millis);
            remoteRttNanos = System.nanoTime();
        }
    }

    /** A round trip this side measured itself. */
    void recordOwnRtt(double millis) {
        rtt.record(millis);
        if (millis >= 0) {
            ownMinRttMillis = Math.min(ownMinRttMillis, millis);
        }
    }

    /** How long ago the remote last shared its round trip on this link (since the link opened, if never). */
    long nanosSinceRemoteRtt() {
        return System.nanoTime() - remoteRttNanos;
    }

    /** The device on this side of the link. */
    DeviceId self() {
        return self;
    }

    public boolean isOpen() {
        return !closed;
    }

    public long idleNanos() {
        return System.nanoTime() - lastActivityNanos;
    }

    /** Sends a request; the reply completes the future on one of the node's workers. */
    public <Q, R> CompletableFuture<R> request(EventType<Q, R> type, Q payload) {
        return request(type, payload, workers);
    }

    /**
     * Like {@link #request}, but the reply completes the future on the network thread that received it: only for
     * callers whose continuations update memory and send, never block (a room host's delivery acks). Handing each
     * of those replies to a worker cost a thread switch per member per delivery, and the next delivery a second.
     */
    public <Q, R> CompletableFuture<R> requestQuick(EventType<Q, R> type, Q payload) {
        return request(type, payload, Runnable::run);
    }

    private <Q, R> CompletableFuture<R> request(EventType<Q, R> type, Q payload, Executor replies) {
        CompletableFuture<R> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new PeerUnreachableException(remote, "the link is closed"));
            return result;
        }
        boolean counts = countsAsUse(type.name());
        if (counts) {
            touch();
        }
        String json = codec.encode(payload);
        transport.emit(type.name(), json, reply -> {
            try {
                replies.execute(() -> {
                    if (counts) {
                        touch();
                    }
                    try {
                        result.complete(codec.decodeReplyBody(reply, type.replyType()));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                // the node is stopping; whoever waits is told the link is gone
                result.completeExceptionally(new PeerUnreachableException(remote, "this device is stopping"));
            }
        });
        return result.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(translateTimeout(type, e)));
    }

    /**
     * Sends an event that carries bytes beside its JSON header; completes when the peer acknowledged
     * it (its handler has the bytes), fails like {@link #request}.
     */
    public <H> CompletableFuture<Empty> sendBinary(EventType<H, Empty> type, H header, byte[] data) {
        CompletableFuture<Empty> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new PeerUnreachableException(remote, "the link is closed"));
            return result;
        }
        touch();
        transport.emitBinary(type.name(), codec.encode(header), data, reply -> workers.execute(() -> {
            touch();
            try {
                result.complete(codec.decodeReplyBody(reply, Empty.class));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        return result.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(translateTimeout(type, e)));
    }

    public void close(String reason) {
        if (!closed) {
            closed = true;
            transport.disconnect();
        }
    }

    void markClosed() {
        closed = true;
    }

    /** Closed because a preferred link to the same peer replaced it: not a loss of the peer. */
    void supersede() {
        superseded = true;
        close("superseded by another link");
    }

    boolean isSuperseded() {
        return superseded;
    }

    /** The peer said it is leaving the network: its disconnect is expected, nobody should vote. */
    void markRemoteLeft() {
        remoteLeft = true;
    }

    boolean remoteLeft() {
        return remoteLeft;
    }

    SerialExecutor inbox() {
        return inbox;
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    /** Latency pings flow on every link all the time: they must not make an unused link look used. */
    static boolean countsAsUse(String eventName) {
        return !Events.PING.name().equals(eventName);
    }

    private Throwable translateTimeout(EventType<?, ?> type, Throwable e) {
        if (e instanceof TimeoutException) {
            return new ProtocolException(ErrorCodes.TIMEOUT,
                    "Peer " + remote.shortForm() + " did not answer " + type.name() + " in time.");
        }
        return e;
    }

    @Override
    public String toString() {
        return "link[" + remote.shortForm() + (outbound ? " out" : " in") + "]";
    }
}
