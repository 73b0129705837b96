package org.peershelf.protocol.node;

import com.corundumstudio.socketio.SocketIOClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.node.tls.TlsPeers;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.HandshakeMessages.Hello;
import org.peershelf.protocol.wire.HandshakeMessages.HelloReply;
import org.peershelf.protocol.wire.HandshakeMessages.Prove;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.ProtocolVersion;
import org.peershelf.protocol.wire.WireCodec;
import org.peershelf.protocol.wire.WireReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's half of the handshake: answer Hello with our identity, our signature over the
 * dialler's challenge and a challenge of ours; accept Prove only with a valid signature over it.
 * Any failure is answered with an error and the connection dropped.
 */
public final class InboundHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandshake.class);

    /** One connection's handshake state; the link exists once the dialler has proven its key. */
    static final class Session {
        private final SocketIOClient client;
        private volatile Hello hello;
        private volatile DeviceId remote;
        private volatile String nonce;
        private volatile PeerLink link;

        Session(SocketIOClient client) {
            this.client = client;
        }

        PeerLink link() {
            return link;
        }
    }

    private final DeviceIdentity self;
    private final WireCodec codec;
    private final Links links;
    private final Executor workers;
    private final Duration requestTimeout;
    private final Optional<TlsPeers> tlsPeers;

    /** @param tlsPeers the TLS identity of each connection, or empty on plain (debugging) links */
    public InboundHandshake(DeviceIdentity self, WireCodec codec, Links links, Executor workers, Duration requestTimeout,
                            Optional<TlsPeers> tlsPeers) {
        this.tlsPeers = tlsPeers;
        this.self = self;
        this.codec = codec;
        this.links = links;
        this.workers = workers;
        this.requestTimeout = requestTimeout;
    }

    void onHello(Session session, Object data, Consumer<String> reply) {
        try {
            if (session.hello != null) {
                throw new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, "Hello was already received.");
            }
            Hello hello = codec.decode(text(data), Hello.class);
            DeviceId remote = PeerCredentials.checkIdentity(hello.version(), hello.deviceId(), hello.publicKey());
            if (remote.equals(self.deviceId())) {
                throw new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, "A device cannot link to itself.");
            }
            checkBoundToTls(session, remote);
            String nonce = HandshakeTranscript.newNonce();
            String signature = PeerCredentials.sign(self,
                    HandshakeTranscript.listenerStatement(hello.nonce(), self.deviceId(), remote));
            session.hello = hello;
            session.remote = remote;
            session.nonce = nonce;
            reply.accept(codec.encodeReply(WireReply.success(codec.toTree(new HelloReply(ProtocolVersion.CURRENT,
                    self.deviceId().value(), self.publicKeyBase64(), nonce, signature)))));
        } catch (ProtocolException e) {
            fail(session, reply, e);
        }
    }

    void onProve(Session session, Object data, Consumer<String> reply) {
        try {
            if (session.hello == null || session.link != null) {
                throw new ProtocolException(ErrorCodes.HANDSHAKE_REQUIRED, "Send Hello first, once.");
            }
            Prove prove = codec.decode(text(data), Prove.class);
            PeerCredentials.checkSignature(session.hello.publicKey(),
                    HandshakeTranscript.diallerStatement(session.nonce, session.remote, self.deviceId()),
                    prove.signature());
            PeerLink link = new PeerLink(self.deviceId(), session.remote, false, new ServerTransport(session.client),
                    codec, workers, requestTimeout);
            session.link = link;
            if (!links.onAuthenticated(link)) {
                session.link = null;
                reply.accept(codec.encodeReply(WireReply.failure(ErrorCodes.DUPLICATE_LINK,
                        "A link between these devices already exists.")));
                session.client.disconnect();
                return;
            }
            reply.accept(codec.encodeReply(WireReply.success(codec.toTree(Empty.INSTANCE))));
            if (!session.client.isChannelOpen()) {
                links.onClosed(link, "disconnected during handshake");
            }
        } catch (ProtocolException e) {
            fail(session, reply, e);
        }
    }

    /** The device claimed here must be the one whose key the connection's TLS session proved: no relaying. */
    private void checkBoundToTls(Session session, DeviceId claimed) {
        if (tlsPeers.isEmpty()) {
            return;
        }
        Optional<DeviceId> tls = tlsPeers.get().deviceAt(session.client.getRemoteAddress());
        if (tls.isEmpty() || !tls.get().equals(claimed)) {
            throw new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, "The handshake claims device " + claimed.shortForm()
                    + " but the TLS certificate is " + tls.map(DeviceId::shortForm).orElse("missing") + ".");
        }
    }

    private void fail(Session session, Consumer<String> reply, ProtocolException e) {
        LOG.warn("Handshake from {} refused: {}", session.client.getRemoteAddress(), e.getMessage());
        reply.accept(codec.encodeReply(WireReply.failure(e.code(), e.getMessage())));
        session.client.disconnect();
    }

    private static String text(Object data) {
        if (data instanceof String s) {
            return s;
        }
        throw new ProtocolException(ErrorCodes.MALFORMED, "Handshake payloads must be JSON text.");
    }
}
