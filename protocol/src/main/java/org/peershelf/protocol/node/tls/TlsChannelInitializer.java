package org.peershelf.protocol.node.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.ConnectionLimiter;
import org.peershelf.protocol.node.LimitedChannelInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * netty-socketio's pipeline with our own TLS handler in front: its built-in SSL support wants a
 * key store file and cannot ask for or expose the client's certificate, which we need to bind the
 * link handshake to the TLS session.
 */
public final class TlsChannelInitializer extends LimitedChannelInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(TlsChannelInitializer.class);
    private static final TlsBypass BYPASS = new TlsBypass();
    private final PeerTls tls;
    private final TlsPeers peers;
    private final long handshakeTimeoutMillis;

    public TlsChannelInitializer(PeerTls tls, TlsPeers peers, long handshakeTimeoutMillis, ConnectionLimiter limiter) {
        super(limiter);
        this.tls = tls;
        this.peers = peers;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    @Override
    protected void addSslHandler(ChannelPipeline pipeline) {
        SslHandler ssl = new SslHandler(tls.serverEngine());
        ssl.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        pipeline.addLast(TlsBypass.NAME, BYPASS);
        pipeline.addLast(SSL_HANDLER, ssl);
        Channel channel = pipeline.channel();
        ssl.handshakeFuture().addListener(done -> {
            if (!done.isSuccess()) {
                LOG.debug("TLS handshake from {} failed: {}", channel.remoteAddress(), done.cause().getMessage());
                return;
            }
            try {
                Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
                DeviceId device = DeviceCertificate.deviceIdOf((X509Certificate) chain[0]);
                SocketAddress remote = channel.remoteAddress();
                peers.put(remote, device);
                channel.closeFuture().addListener(closed -> peers.remove(remote, device));
            } catch (SSLPeerUnverifiedException | ClassCastException e) {
                channel.close();
            }
        });
    }
}
