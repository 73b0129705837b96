package org.peershelf.protocol.node.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;

/**
 * Sits in front of the TLS handler and lets only bytes into it. netty-socketio re-injects each
 * decoded websocket frame at the head of the pipeline ({@code pipeline().fireChannelRead}) and
 * frees it as soon as that call returns; since Netty 4.1.1xx a decoder that is still inside its
 * decode step (the TLS handler is: it is unwrapping the very record that frame came from) queues
 * such re-entrant messages and passes them on later, by when the frame's bytes are freed
 * ("refCnt: 0"). Messages that are not bytes skip the TLS handler here and stay synchronous.
 */
@ChannelHandler.Sharable
final class TlsBypass extends ChannelInboundHandlerAdapter {
    static final String NAME = "peershelf-tls-bypass";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ChannelHandlerContext tls = msg instanceof ByteBuf ? null : ctx.pipeline().context(SslHandler.class);
        if (tls == null) {
            ctx.fireChannelRead(msg);
        } else {
            tls.fireChannelRead(msg);
        }
    }
}
