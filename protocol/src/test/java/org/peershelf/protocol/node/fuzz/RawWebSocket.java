package org.peershelf.protocol.node.fuzz;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/** One raw Engine.IO websocket to a peer: frames in and out, no Socket.IO client logic at all. */
final class RawWebSocket implements AutoCloseable {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>(10_000);
    private volatile boolean closed;
    private final WebSocket socket;

    RawWebSocket(OkHttpClient http, int port) {
        Request request = new Request.Builder()
                .url("https://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket").build();
        this.socket = http.newWebSocket(request, new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                received.offer(text);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                closed = true;
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                closed = true;
            }
        });
    }

    boolean isClosed() {
        return closed;
    }

    void send(String text) {
        socket.send(text);
    }

    void send(byte[] bytes) {
        socket.send(ByteString.of(bytes));
    }

    /** The next frame matching {@code wanted} within the timeout, or null (frames not matching are skipped). */
    String await(Predicate<String> wanted, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!closed || !received.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String frame = received.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
        }
        return null;
    }

    @Override
    public void close() {
        socket.cancel();
        closed = true;
    }
}
