package org.peershelf.protocol.node;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one place for errors raised while decoding or handling a peer's frames: log them and
 * drop the offending connection, never let them escape into Netty.
 */
final class LoggingExceptionListener extends ExceptionListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingExceptionListener.class);

    @Override
    public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
        LOG.warn("Dropping {}: a bad event ({})", client.getRemoteAddress(), shorten(e.getMessage()));
        client.disconnect();
    }

    @Override
    public void onAuthException(Throwable e, SocketIOClient client) {
        LOG.warn("Dropping {}: {}", client.getRemoteAddress(), e.getMessage());
        client.disconnect();
    }

    @Override
    public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
        LOG.warn("Closing connection {}: {}", ctx.channel().remoteAddress(), shorten(e.getMessage()));
        ctx.close();
        return true;
    }

    /** Library messages may quote the peer's whole frame (e.g. a hex dump of a non-TLS record): keep logs short. */
    private static String shorten(String message) {
        return message == null || message.length() <= 160 ? message : message.substring(0, 160) + "…";
    }
}
