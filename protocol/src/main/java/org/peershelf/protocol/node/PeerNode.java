package org.peershelf.protocol.node;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.netty.buffer.PooledByteBufAllocator;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.node.tls.PeerTls;
import org.peershelf.protocol.node.tls.TlsChannelInitializer;
import org.peershelf.protocol.node.tls.TlsPeers;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.LinkMessages.Bye;
import org.peershelf.protocol.wire.LinkMessages.Pong;
import org.peershelf.protocol.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport half of a peer: its Socket.IO server, its dialler, the table of authenticated links
 * and their latency. Services register their events on {@link #router()}.
 * Internal listeners ({@link #internalEvents()}) hear link changes on the network thread that caused
 * them and must hand work off; {@link #events()} delivers on the executor the owner chose.
 */
public final class PeerNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerNode.class);
    private static final int MAX_BAD_EVENTS_PER_LINK = 20;

    private final NodeConfig config;
    private final DeviceIdentity identity;
    private final NodeThreads threads;
    /** Whether this node started its threads (and stops them), or shares them with other nodes of the process. */
    private final boolean ownsThreads;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers = timerThread();
    private final EventPublisher<NodeEvent> internalEvents = new EventPublisher<>(Runnable::run);
    private final EventPublisher<NodeEvent> events;
    private final WireCodec codec;
    private final EventRouter router;
    private final Links links;
    private final PooledByteBufAllocator buffers = linkBuffers();
    private final Dialer dialer;
    private final PeerServer server;
    private final ConnectionLimiter connectionLimiter;
    private final LatencyProbe latency;

    public PeerNode(NodeConfig config, DeviceIdentity identity, java.util.concurrent.Executor eventExecutor) {
        this(config, identity, eventExecutor, NodeThreads.start(), true);
    }

    /** A node on threads it shares with other nodes of this process; closing the node leaves them running. */
    public PeerNode(NodeConfig config, DeviceIdentity identity, java.util.concurrent.Executor eventExecutor,
                    NodeThreads shared) {
        this(config, identity, eventExecutor, shared, false);
    }

    private PeerNode(NodeConfig config, DeviceIdentity identity, java.util.concurrent.Executor eventExecutor,
                     NodeThreads threads, boolean ownsThreads) {
        this.threads = threads;
        this.ownsThreads = ownsThreads;
        this.workers = threads.workers();
        this.config = config;
        this.identity = identity;
        this.events = new EventPublisher<>(eventExecutor);
        this.codec = new WireCodec(config.maxPayloadChars());
        this.router = new EventRouter(codec, new LinkAbuseGuard(MAX_BAD_EVENTS_PER_LINK), new RequestRateLimiter(config.requestLimits()));
        this.links = new Links(new LinkTable(config.maxLinks()), internalEvents);
        Optional<PeerTls> tls = config.plainLinks() ? Optional.empty() : Optional.of(new PeerTls(identity));
        Optional<TlsPeers> tlsPeers = tls.map(t -> new TlsPeers());
        EventLoopWebSockets sockets = new EventLoopWebSockets(threads.dialled(), buffers, (int) config.dialTimeout().toMillis(),
                config.handshakeTimeout().toMillis(), config.maxPayloadChars() * 2 + 1024);
        this.dialer = new Dialer(identity, codec, router, links, workers, config, sockets, tls,
                new SharedEngineHeartbeats(timers));
        this.connectionLimiter = new ConnectionLimiter(config.connectionLimits());
        this.server = new PeerServer(config, new InboundHandshake(identity, codec, links, workers, config.requestTimeout(),
                tlsPeers), router, links, codec, timers, () -> tls.<SocketIOChannelInitializer>map(t ->
                new TlsChannelInitializer(t, tlsPeers.orElseThrow(), config.handshakeTimeout().toMillis(), connectionLimiter))
                .orElseGet(() -> new LimitedChannelInitializer(connectionLimiter)), buffers, threads);
        if (config.plainLinks()) {
            LOG.warn("Peer links are NOT encrypted or bound to device keys by TLS (--insecure-plain-links): debugging only");
        }
        this.latency = new LatencyProbe(links);
        internalEvents.subscribe(events::publish);
        router.registerSync(Events.PING, (link, ping) -> {
            if (ping.rttMillis() != null) {
                link.recordRemoteRtt(ping.rttMillis());
            }
            return new Pong(ping.sentNanos());
        });
        router.registerSync(Events.BYE, (link, bye) -> {
            link.markRemoteLeft();
            return Empty.INSTANCE;
        });
    }

    /**
     * One thread for the node's timers and every client link's ping timeout. Each packet a link receives
     * cancels and re-arms its timeout, so cancelled tasks leave the queue at once instead of at their
     * (long) due time.
     */
    private static ScheduledExecutorService timerThread() {
        java.util.concurrent.ScheduledThreadPoolExecutor timer =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, Threads.daemon("peershelf-timer"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * One buffer pool for every link of the node, accepted or dialled, with one heap arena and one direct
     * arena. Netty's default pool gives each I/O thread an arena of its own, and an arena holds its buffers in
     * 4 MiB chunks: the three I/O threads kept three heap chunks (the JDK TLS engine wraps into heap buffers)
     * and three direct ones, 24 MiB mostly empty, on a peer with 49 links.
     */
    private static PooledByteBufAllocator linkBuffers() {
        return new PooledByteBufAllocator(true, 1, 1, PooledByteBufAllocator.defaultPageSize(),
                PooledByteBufAllocator.defaultMaxOrder(), PooledByteBufAllocator.defaultSmallCacheSize(),
                PooledByteBufAllocator.defaultNormalCacheSize(), PooledByteBufAllocator.defaultUseCacheForAllThreads());
    }

    /** What the node's link buffers hold (tests). */
    io.netty.buffer.PooledByteBufAllocatorMetric bufferMetric() {
        return buffers.metric();
    }

    /** Starts listening and probing latency; returns the port peers can dial. */
    public int start() {
        int port = server.start();
        latency.start(timers, config.pingInterval().toMillis());
        return port;
    }

    public int port() {
        return server.port();
    }

    public DeviceId deviceId() {
        return identity.deviceId();
    }

    public DeviceIdentity identity() {
        return identity;
    }

    public NodeConfig config() {
        return config;
    }

    public EventRouter router() {
        return router;
    }

    public Links links() {
        return links;
    }

    public CompletableFuture<PeerLink> dial(DeviceId peer, String host, int port) {
        return dialer.dial(peer, host, port);
    }

    public Runnable subscribe(Consumer<? super NodeEvent> listener) {
        return events.subscribe(listener);
    }

    public EventPublisher<NodeEvent> events() {
        return events;
    }

    /** Listeners that run synchronously on the thread that noticed the change; keep them short. */
    public EventPublisher<NodeEvent> internalEvents() {
        return internalEvents;
    }

    public ScheduledExecutorService timers() {
        return timers;
    }

    public ExecutorService workers() {
        return workers;
    }

    /** Tells every linked peer we are leaving (so nobody votes), waits briefly for their acks, closes links. */
    public void sayGoodbye(String reason) {
        List<CompletableFuture<Empty>> acks = links.all().stream()
                .map(link -> link.request(Events.BYE, new Bye(reason))).toList();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Not every peer acknowledged our goodbye: {}", e.getMessage());
        }
        links.closeAll(reason);
    }

    @Override
    public void close() {
        latency.stop();
        links.closeAll("node stopping");
        server.close();
        timers.shutdownNow();
        if (ownsThreads) {
            threads.close();
        }
    }
}
