package org.peershelf.protocol.node;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslHandler;
import java.net.URI;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The websockets of dialled links, all on one shared Netty event loop. engine.io-client opens its
 * transport through any {@link WebSocket.Factory}; OkHttp 3's own gives every socket a reader thread
 * and a writer thread (on a 50-peer mesh, 96 of a peer's ~130 threads, each with its stack). Here
 * dialled links share a loop, as accepted links share the server's.
 */
final class EventLoopWebSockets {
    /**
     * Largest frame we accept from a listener: at least its own limit for what we send it, and a file
     * chunk of the largest size a publisher may choose (64 MiB, {@code Manifest.MAX_CHUNK_SIZE}) with its
     * framing, since chunks come back as replies on links we dialled.
     */
    static final int MIN_FRAME_LIMIT = (64 << 20) + 1024;
    /** The upgrade response is a status line and a few headers. */
    private static final int MAX_UPGRADE_RESPONSE = 16 * 1024;

    private final EventLoopGroup loop;
    private final ByteBufAllocator buffers;
    private final int connectTimeoutMillis;
    private final long handshakeTimeoutMillis;
    private final int maxFrameBytes;

    /**
     * @param loop                   the loop every socket of this factory runs on (the caller shuts it down)
     * @param buffers                where the sockets' buffers come from
     * @param connectTimeoutMillis   how long the TCP connect may take
     * @param handshakeTimeoutMillis how long TLS and the websocket upgrade may take, each
     * @param maxFrameBytes          largest message a listener may send (raised to {@link #MIN_FRAME_LIMIT})
     */
    EventLoopWebSockets(EventLoopGroup loop, ByteBufAllocator buffers, int connectTimeoutMillis, long handshakeTimeoutMillis,
                        int maxFrameBytes) {
        this.loop = loop;
        this.buffers = buffers;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.maxFrameBytes = Math.max(maxFrameBytes, MIN_FRAME_LIMIT);
    }

    /** Sockets for one dial: TLS with an engine from {@code tls} for each, or plain when {@code tls} is null. */
    WebSocket.Factory factory(Supplier<SSLEngine> tls) {
        return (request, listener) -> open(request, listener, tls);
    }

    private WebSocket open(Request request, WebSocketListener listener, Supplier<SSLEngine> tls) {
        HttpUrl url = request.url();
        EventLoopWebSocket socket = new EventLoopWebSocket(request, listener);
        WebSocketClientProtocolConfig upgrade = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(webSocketUri(url))
                .version(WebSocketVersion.V13)
                .customHeaders(headers(request))
                .maxFramePayloadLength(maxFrameBytes)
                .handshakeTimeoutMillis(handshakeTimeoutMillis)
                .handleCloseFrames(false) // the socket answers a close itself and reports its code
                .sendCloseFrame(null) // cancel() means now; close() sends its own frame
                .build();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.ALLOCATOR, buffers)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (tls != null) {
                            SslHandler handler = new SslHandler(tls.get());
                            handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
                            pipeline.addLast(handler);
                        }
                        pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_UPGRADE_RESPONSE),
                                new WebSocketClientProtocolHandler(upgrade), new WebSocketFrameAggregator(maxFrameBytes),
                                socket.inbound());
                    }
                });
        ChannelFuture connecting = bootstrap.connect(url.host(), url.port());
        socket.attach(connecting.channel());
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                socket.fail(done.cause());
            }
        });
        return socket;
    }

    /** OkHttp's requests carry http(s) URLs; the upgrade wants ws(s). */
    static URI webSocketUri(HttpUrl url) {
        URI http = url.uri();
        return URI.create((url.isHttps() ? "wss://" : "ws://") + http.getRawAuthority() + http.getRawPath()
                + (http.getRawQuery() == null ? "" : "?" + http.getRawQuery()));
    }

    private static HttpHeaders headers(Request request) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (String name : request.headers().names()) {
            headers.add(name, request.headers().values(name));
        }
        return headers;
    }
}
