package org.peershelf.protocol.node;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.Channel;

/**
 * netty-socketio's pipeline with the per-address {@link ConnectionLimiter} in front of everything
 * (TLS included), so a refused connection costs no handshake.
 */
public class LimitedChannelInitializer extends SocketIOChannelInitializer {
    public static final String LIMITER = "peershelf-connection-limiter";
    private final ConnectionLimiter limiter;

    public LimitedChannelInitializer(ConnectionLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void initChannel(Channel ch) throws Exception {
        super.initChannel(ch);
        ch.pipeline().addFirst(LIMITER, limiter);
    }
}
