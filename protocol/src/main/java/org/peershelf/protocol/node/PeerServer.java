package org.peershelf.protocol.node;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import io.netty.buffer.ByteBufAllocator;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.WireCodec;
import org.peershelf.protocol.wire.WireReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This peer's Socket.IO server (websocket transport only: polling mis-frames binary). A connecting
 * peer must complete the handshake within the handshake timeout; until then only the handshake events are
 * served and anything else is answered with "handshake-required" and the connection dropped.
 */
public final class PeerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerServer.class);
    private static final int BIND_ATTEMPTS = 5;

    private final NodeConfig config;
    private final InboundHandshake handshake;
    private final EventRouter router;
    private final Links links;
    private final ScheduledExecutorService timers;
    private final WireCodec codec;
    private final Supplier<SocketIOChannelInitializer> pipelines;
    private final ByteBufAllocator buffers;
    private final NodeThreads threads;
    private final Map<UUID, InboundHandshake.Session> sessions = new ConcurrentHashMap<>();
    private SocketIOServer server;
    private int port;

    /**
     * @param pipelines makes each server's channel pipeline (with TLS, or netty-socketio's plain one)
     * @param buffers   the node's link buffers, shared with its dialled links
     * @param threads   the loops the server accepts and serves connections on (not stopped with the server)
     */
    public PeerServer(NodeConfig config, InboundHandshake handshake, EventRouter router, Links links, WireCodec codec,
                      ScheduledExecutorService timers, Supplier<SocketIOChannelInitializer> pipelines,
                      ByteBufAllocator buffers, NodeThreads threads) {
        this.pipelines = pipelines;
        this.buffers = buffers;
        this.threads = threads;
        this.config = config;
        this.handshake = handshake;
        this.router = router;
        this.links = links;
        this.codec = codec;
        this.timers = timers;
    }

    /** Starts listening and returns the port. */
    public synchronized int start() {
        PeerShelfException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int candidate = config.port() != 0 ? config.port() : freePort(config.bindHost());
            SocketIOServer s = new NodeSocketIOServer(configuration(candidate), buffers, threads.acceptor(),
                    threads.accepted());
            s.setPipelineFactory(pipelines.get());
            registerListeners(s);
            try {
                s.start();
                this.server = s;
                this.port = candidate;
                LOG.info("Listening for peers on {}:{} ({})", config.bindHost(), candidate,
                        config.plainLinks() ? "PLAIN links, not encrypted: --insecure-plain-links" : "TLS 1.3");
                return candidate;
            } catch (RuntimeException e) {
                s.stop();
                last = new PeerShelfException("Cannot listen on " + config.bindHost() + ":" + candidate
                        + " (" + e.getMessage() + "). Is another PeerShelf running with that port?", e);
                if (config.port() != 0) {
                    break;
                }
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    private Configuration configuration(int listenPort) {
        Configuration c = new Configuration();
        c.setHostname(config.bindHost());
        c.setPort(listenPort);
        c.setTransports(Transport.WEBSOCKET);
        c.setAckMode(AckMode.MANUAL);
        c.setMaxFramePayloadLength(config.maxPayloadChars() * 2 + 1024);
        c.setMaxHttpContentLength(config.maxPayloadChars() * 2 + 1024);
        c.setUseLinuxNativeEpoll(false);
        c.getSocketConfig().setReuseAddress(true);
        c.getSocketConfig().setTcpNoDelay(true);
        c.setExceptionListener(new LoggingExceptionListener());
        return c;
    }

    private void registerListeners(SocketIOServer s) {
        s.addConnectListener(client -> {
            sessions.put(client.getSessionId(), new InboundHandshake.Session(client));
            timers.schedule(() -> dropIfNotAuthenticated(client), config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        });
        s.addDisconnectListener(client -> {
            InboundHandshake.Session session = sessions.remove(client.getSessionId());
            if (session != null && session.link() != null) {
                links.onClosed(session.link(), "disconnected (inbound)");
            }
        });
        s.addMultiTypeEventListener(Events.CHANNEL, (client, args, ack) -> withSession(client, ack, session -> {
            Object name = args.size() > 0 ? args.get(0) : null;
            Object payload = args.size() > 1 ? args.get(1) : null;
            onEvent(client, session, String.valueOf(name), payload, replier(ack));
        }), String.class, Object.class);
        // bytes must be typed byte[] here: as Object, netty-socketio turns the attachment into MIME base64 text
        s.addMultiTypeEventListener(Events.BINARY_CHANNEL, (client, args, ack) -> withSession(client, ack, session -> {
            if (session.link() == null) {
                replier(ack).accept(codec.encodeReply(WireReply.failure(ErrorCodes.HANDSHAKE_REQUIRED,
                        "Complete the handshake first.")));
                client.disconnect();
                return;
            }
            router.dispatchBinary(session.link(), String.valueOf(arg(args, 0)), arg(args, 1), arg(args, 2), arg(args, 3),
                    replier(ack));
        }), String.class, String.class, Integer.class, byte[].class);
    }

    private void onEvent(SocketIOClient client, InboundHandshake.Session session, String name, Object payload,
                         Consumer<String> reply) {
        if (Events.HELLO.name().equals(name)) {
            handshake.onHello(session, payload, reply);
        } else if (Events.PROVE.name().equals(name)) {
            handshake.onProve(session, payload, reply);
        } else if (session.link() == null) {
            reply.accept(codec.encodeReply(WireReply.failure(ErrorCodes.HANDSHAKE_REQUIRED,
                    "Complete the handshake first.")));
            client.disconnect();
        } else {
            router.dispatch(session.link(), name, payload, reply);
        }
    }

    private void withSession(SocketIOClient client, AckRequest ack, Consumer<InboundHandshake.Session> action) {
        InboundHandshake.Session session = sessions.get(client.getSessionId());
        if (session == null) {
            client.disconnect();
            return;
        }
        try {
            action.accept(session);
        } catch (ProtocolException e) {
            replier(ack).accept(codec.encodeReply(WireReply.failure(e.code(), e.getMessage())));
        }
    }

    private static Object arg(com.corundumstudio.socketio.MultiTypeArgs args, int index) {
        return args.size() > index ? args.get(index) : null;
    }

    private static Consumer<String> replier(AckRequest ack) {
        return reply -> {
            if (ack.isAckRequested()) {
                ack.sendAckData(reply);
            }
        };
    }

    private void dropIfNotAuthenticated(SocketIOClient client) {
        InboundHandshake.Session session = sessions.get(client.getSessionId());
        if (session != null && session.link() == null) {
            LOG.warn("A connection from {} did not complete the handshake in time; dropped", client.getRemoteAddress());
            client.disconnect();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            // disconnect clients first, or they only notice the server is gone seconds later
            for (SocketIOClient client : server.getAllClients()) {
                client.disconnect();
            }
            server.stop();
            server = null;
        }
    }

    private static int freePort(String host) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new PeerShelfException("Cannot listen on " + host + ": " + e.getMessage(), e);
        }
    }
}
