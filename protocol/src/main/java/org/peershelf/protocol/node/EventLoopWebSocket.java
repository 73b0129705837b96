package org.peershelf.protocol.node;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One websocket of {@link EventLoopWebSockets}, keeping OkHttp's contract as engine.io-client relies on
 * it: messages sent before the upgrade wait for it; more than {@value #MAX_QUEUE_BYTES} bytes not yet
 * written closes the socket (1001) and refuses the message, as OkHttp does; the listener hears
 * {@code onOpen}, messages in order, then exactly one of {@code onClosed} (after a close handshake) or
 * {@code onFailure} (anything else: refused, TLS, timeout, EOF). The listener runs on the event loop and
 * must hand work off (engine.io does). The open callback carries no response headers: engine.io only
 * re-emits them, and nothing here listens.
 */
final class EventLoopWebSocket implements WebSocket {
    /** OkHttp 3's bound on queued outgoing bytes (RealWebSocket.MAX_QUEUE_SIZE). */
    static final long MAX_QUEUE_BYTES = 16L * 1024 * 1024;
    /** A listener that does not answer our close frame is cut off after this long. */
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private final Request request;
    private final WebSocketListener listener;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final List<WebSocketFrame> beforeOpen = new ArrayList<>(); // guarded by this
    private volatile Channel channel;
    private boolean open; // guarded by this
    private boolean closeSent; // guarded by this
    private volatile int receivedCode = -1;
    private volatile String receivedReason;

    EventLoopWebSocket(Request request, WebSocketListener listener) {
        this.request = request;
        this.listener = listener;
    }

    void attach(Channel connecting) {
        this.channel = connecting;
    }

    ChannelHandler inbound() {
        return new Inbound();
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public long queueSize() {
        return queued.get();
    }

    @Override
    public boolean send(String text) {
        return enqueue(new TextWebSocketFrame(text));
    }

    @Override
    public boolean send(ByteString bytes) {
        return enqueue(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes.asByteBuffer())));
    }

    private synchronized boolean enqueue(WebSocketFrame frame) {
        int size = frame.content().readableBytes();
        if (finished.get() || closeSent) {
            frame.release();
            return false;
        }
        if (queued.get() + size > MAX_QUEUE_BYTES) {
            frame.release();
            close(1001, null);
            return false;
        }
        queued.addAndGet(size);
        if (open) {
            write(frame);
        } else {
            beforeOpen.add(frame);
        }
        return true;
    }

    /** Called with the lock held, so frames leave in the order they were sent. */
    private void write(WebSocketFrame frame) {
        int size = frame.content().readableBytes();
        channel.writeAndFlush(frame).addListener(written -> {
            queued.addAndGet(-size);
            if (!written.isSuccess()) {
                fail(written.cause());
            }
        });
    }

    @Override
    public boolean close(int code, String reason) {
        Channel current = channel;
        synchronized (this) {
            if (finished.get() || closeSent) {
                return false;
            }
            closeSent = true;
            if (!open) {
                current.close(); // nothing to say goodbye on yet; the listener hears a failure
                return true;
            }
            current.writeAndFlush(new CloseWebSocketFrame(code, reason == null ? "" : reason));
        }
        try {
            current.eventLoop().schedule(() -> {
                current.close();
            }, CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException loopStopped) {
            current.close(); // the node stopped its loop: nobody waits for the listener's answer
        }
        return true;
    }

    @Override
    public void cancel() {
        channel.close();
    }

    void fail(Throwable cause) {
        if (finished.compareAndSet(false, true)) {
            releaseWaiting();
            listener.onFailure(this, cause, null);
        }
        channel.close();
    }

    private void opened() {
        Response response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(101)
                .message("Switching Protocols").build();
        synchronized (this) {
            open = true;
            beforeOpen.forEach(this::write);
            beforeOpen.clear();
        }
        listener.onOpen(this, response);
    }

    private synchronized void releaseWaiting() {
        beforeOpen.forEach(WebSocketFrame::release);
        beforeOpen.clear();
    }

    private void onCloseFrame(ChannelHandlerContext ctx, int code, String reason) {
        receivedCode = code < 0 ? 1005 : code; // 1005: the frame had no status code
        receivedReason = reason == null ? "" : reason;
        listener.onClosing(this, receivedCode, receivedReason);
        boolean answer;
        synchronized (this) {
            answer = !closeSent;
            closeSent = true;
        }
        if (answer) {
            ctx.writeAndFlush(new CloseWebSocketFrame(code < 0 ? 1000 : code, "")).addListener(done -> ctx.close());
        } else {
            ctx.close();
        }
    }

    /** The inbound half, last in the pipeline. */
    private final class Inbound extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (finished.get()) {
                return;
            }
            if (frame instanceof TextWebSocketFrame text) {
                listener.onMessage(EventLoopWebSocket.this, text.text());
            } else if (frame instanceof BinaryWebSocketFrame binary) {
                listener.onMessage(EventLoopWebSocket.this, ByteString.of(ByteBufUtil.getBytes(binary.content())));
            } else if (frame instanceof CloseWebSocketFrame close) {
                onCloseFrame(ctx, close.statusCode(), close.reasonText());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                opened();
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                fail(new SocketTimeoutException("no websocket upgrade from " + request.url() + " in time"));
            } else if (event instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
                fail(tls.cause());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(cause);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (receivedCode != -1) {
                if (finished.compareAndSet(false, true)) {
                    listener.onClosed(EventLoopWebSocket.this, receivedCode, receivedReason);
                }
            } else {
                fail(new EOFException("the connection to " + request.url() + " closed"));
            }
            super.channelInactive(ctx);
        }
    }
}
