package org.peershelf.protocol.node;

import com.fasterxml.jackson.core.JsonFactory;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.node.tls.PeerTls;
import org.peershelf.protocol.node.tls.WrongDeviceException;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.HandshakeMessages.Hello;
import org.peershelf.protocol.wire.HandshakeMessages.HelloReply;
import org.peershelf.protocol.wire.HandshakeMessages.Prove;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.ProtocolVersion;
import org.peershelf.protocol.wire.WireCodec;
import org.peershelf.protocol.wire.WireReply;

/**
 * Opens a link to another peer's server: connect (websocket only, our own reconnection policy, not
 * the client library's), say Hello, check the listener is the device we meant to reach and that it
 * signed our challenge, then prove our own key. The future fails with {@link PeerUnreachableException}
 * or {@link ProtocolException}; a "duplicate-link" answer completes with the link we already have.
 */
public final class Dialer {
    private final DeviceIdentity self;
    private final WireCodec codec;
    private final EventRouter router;
    private final Links links;
    private final Executor workers;
    private final NodeConfig config;
    private final EventLoopWebSockets sockets;
    private final Optional<PeerTls> tls;
    private final SharedEngineHeartbeats heartbeats;
    private final StringPacketEncoder packetEncoder = new StringPacketEncoder();
    private final JsonFactory packetJson = new JsonFactory();

    /**
     * @param sockets    opens the websockets of dialled links on a shared event loop
     * @param tls        our TLS keys, or empty for plain (debugging) links
     * @param heartbeats runs each link's ping timers on the node's timer thread
     */
    Dialer(DeviceIdentity self, WireCodec codec, EventRouter router, Links links, Executor workers,
           NodeConfig config, EventLoopWebSockets sockets, Optional<PeerTls> tls, SharedEngineHeartbeats heartbeats) {
        this.tls = tls;
        this.heartbeats = heartbeats;
        this.self = self;
        this.codec = codec;
        this.router = router;
        this.links = links;
        this.workers = workers;
        this.config = config;
        this.sockets = sockets;
    }

    public CompletableFuture<PeerLink> dial(DeviceId expected, String host, int port) {
        CompletableFuture<PeerLink> result = new CompletableFuture<>();
        String address = host + ":" + port;
        Socket socket;
        try {
            socket = IO.socket(URI.create((tls.isPresent() ? "https://" : "http://") + address), options(expected));
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(new PeerUnreachableException(expected, "bad address " + address, e));
            return result;
        }
        heartbeats.install(socket);
        AtomicReference<PeerLink> link = new AtomicReference<>();
        String myNonce = HandshakeTranscript.newNonce();
        // one serial lane per dial: a refusal's ack and the disconnect that follows it are seen in order
        Executor lane = new SerialExecutor(workers);
        socket.on(Events.CHANNEL, args -> onEvent(link.get(), args));
        socket.on(Events.BINARY_CHANNEL, args -> onBinaryEvent(link.get(), args));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            Throwable cause = args.length > 0 && args[0] instanceof Throwable t ? t : null;
            boolean refused = causedBy(cause, java.net.ConnectException.class);
            WrongDeviceException wrong = cause(cause, WrongDeviceException.class);
            if (wrong != null) {
                result.completeExceptionally(new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, wrong.getMessage()));
                return;
            }
            result.completeExceptionally(new PeerUnreachableException(expected,
                    (refused ? "nothing listens at " : "cannot connect to ") + address + causeText(cause), refused, cause));
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> lane.execute(() -> {
            PeerLink current = link.get();
            if (!result.isDone()) {
                // a listener that already has the preferred link to us may hang up before its answer arrives
                links.get(expected).ifPresentOrElse(result::complete, () -> result.completeExceptionally(
                        new PeerUnreachableException(expected, "disconnected during handshake")));
            } else if (current != null) {
                links.onClosed(current, "disconnected" + (args.length > 0 && args[0] != null ? " (" + args[0] + ")" : ""));
            }
        }));
        socket.on(Socket.EVENT_CONNECT, args -> {
            Hello hello = new Hello(ProtocolVersion.CURRENT, self.deviceId().value(), self.publicKeyBase64(), myNonce);
            socket.emit(Events.CHANNEL, new Object[] {Events.HELLO.name(), codec.encode(hello)}, (Ack) reply -> lane.execute(() -> {
                try {
                    Verified verified = onHelloReply(expected, myNonce, socket, address, replyText(reply));
                    link.set(verified.link());
                    prove(socket, verified, result, lane);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }));
        });
        result.orTimeout(config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, error) -> {
            if (error != null) {
                socket.off();
                socket.close();
            }
        });
        socket.connect();
        return result.exceptionallyCompose(e -> CompletableFuture.failedFuture(e instanceof TimeoutException
                ? new PeerUnreachableException(expected, "no answer from " + address + " in time") : e));
    }

    /** A listener that proved its identity, and the challenge it gave us to sign. */
    private record Verified(PeerLink link, String listenerNonce) {
    }

    private Verified onHelloReply(DeviceId expected, String myNonce, Socket socket, String address, String reply) {
        HelloReply hello = codec.decodeReplyBody(reply, HelloReply.class);
        DeviceId remote = PeerCredentials.checkIdentity(hello.version(), hello.deviceId(), hello.publicKey());
        if (!remote.equals(expected)) {
            throw new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, "The device at " + address + " is "
                    + remote.shortForm() + ", not " + expected.shortForm() + ".");
        }
        PeerCredentials.checkSignature(hello.publicKey(),
                HandshakeTranscript.listenerStatement(myNonce, remote, self.deviceId()), hello.signature());
        PeerLink created = new PeerLink(self.deviceId(), remote, true, new ClientTransport(socket, address), codec,
                workers, config.requestTimeout());
        return new Verified(created, hello.nonce());
    }

    private void prove(Socket socket, Verified verified, CompletableFuture<PeerLink> result, Executor lane) {
        PeerLink created = verified.link();
        String signature = PeerCredentials.sign(self,
                HandshakeTranscript.diallerStatement(verified.listenerNonce(), self.deviceId(), created.remote()));
        socket.emit(Events.CHANNEL, new Object[] {Events.PROVE.name(), codec.encode(new Prove(signature))}, (Ack) reply ->
                lane.execute(() -> {
                    try {
                        codec.decodeReplyBody(replyText(reply), Empty.class);
                        if (links.onAuthenticated(created)) {
                            result.complete(created);
                        } else {
                            created.supersede();
                            completeWithExisting(created, result);
                        }
                    } catch (ProtocolException e) {
                        if (ErrorCodes.DUPLICATE_LINK.equals(e.code())) {
                            completeWithExisting(created, result);
                        } else {
                            result.completeExceptionally(e);
                        }
                    }
                }));
    }
    private void completeWithExisting(PeerLink created, CompletableFuture<PeerLink> result) {
        links.get(created.remote()).ifPresentOrElse(result::complete, () -> result.completeExceptionally(
                new ProtocolException(ErrorCodes.DUPLICATE_LINK, "The peer already has a link with us.")));
    }

    private void onEvent(PeerLink link, Object[] args) {
        Ack ack = args.length > 0 && args[args.length - 1] instanceof Ack a ? a : null;
        String name = args.length > 0 && args[0] instanceof String s ? s : "";
        Object payload = args.length > 1 && !(args[1] instanceof Ack) ? args[1] : null;
        java.util.function.Consumer<String> reply = text -> {
            if (ack != null) {
                ack.call(text);
            }
        };
        if (link == null) {
            reply.accept(codec.encodeReply(WireReply.failure(ErrorCodes.HANDSHAKE_REQUIRED, "Handshake not complete.")));
            return;
        }
        router.dispatch(link, name, payload, reply);
    }

    private void onBinaryEvent(PeerLink link, Object[] args) {
        Ack ack = args.length > 0 && args[args.length - 1] instanceof Ack a ? a : null;
        java.util.function.Consumer<String> reply = text -> {
            if (ack != null) {
                ack.call(text);
            }
        };
        if (link == null) {
            reply.accept(codec.encodeReply(WireReply.failure(ErrorCodes.HANDSHAKE_REQUIRED, "Handshake not complete.")));
            return;
        }
        int n = ack != null ? args.length - 1 : args.length;
        String name = n > 0 && args[0] instanceof String s ? s : "";
        router.dispatchBinary(link, name, n > 1 ? args[1] : null, n > 2 ? args[2] : null, n > 3 ? args[3] : null, reply);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String causeText(Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        return root == null || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
    }

    private static String replyText(Object[] reply) {
        return reply.length > 0 && reply[0] instanceof String s ? s : null;
    }

    private IO.Options options(DeviceId expected) {
        IO.Options options = new IO.Options();
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        options.timeout = config.handshakeTimeout().toMillis();
        // TLS: each dial's engine accepts only the certificate of the device we mean to reach
        Supplier<SSLEngine> engines = tls.isPresent() ? () -> tls.get().clientEngine(expected) : null;
        options.webSocketFactory = sockets.factory(engines);
        options.encoder = packetEncoder;
        options.decoder = new StringPacketDecoder(packetJson); // one per connection: it holds binary packets in progress
        return options;
    }
}
