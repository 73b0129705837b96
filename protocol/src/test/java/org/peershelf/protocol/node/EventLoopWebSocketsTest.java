package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.channel.nio.NioEventLoopGroup;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.resource.Manifest;

/**
 * engine.io-client sockets opened through {@link EventLoopWebSockets} against a real netty-socketio
 * server: they work as with OkHttp's factory (events and acks both ways, hang-ups and refusals seen),
 * and many of them add no threads.
 */
@Tag("integration")
class EventLoopWebSocketsTest {
    private final NioEventLoopGroup loop = new NioEventLoopGroup(1, Threads.daemon("test-links"));
    private final EventLoopWebSockets sockets = new EventLoopWebSockets(loop, PooledByteBufAllocator.DEFAULT, 2_000, 5_000, 64 * 1024);
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, Threads.daemon("test-timer"));
    private final List<Socket> opened = new CopyOnWriteArrayList<>();
    private SocketIOServer server;
    private int port;

    @BeforeEach
    void startServer() throws IOException {
        Configuration config = new Configuration();
        config.setHostname("127.0.0.1");
        port = freePort();
        config.setPort(port);
        config.setTransports(Transport.WEBSOCKET);
        config.setBossThreads(1);
        config.setWorkerThreads(1);
        config.getSocketConfig().setReuseAddress(true);
        server = new SocketIOServer(config);
        server.addEventListener("echo", String.class, (client, text, ack) -> ack.sendAckData("echo:" + text));
        server.addEventListener("hang-up", String.class, (client, text, ack) -> client.disconnect());
        server.start();
    }

    @AfterEach
    void stop() {
        opened.forEach(Socket::close);
        server.stop();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        timers.shutdownNow();
    }

    @Test
    void manyDialledSocketsShareTheLoopInsteadOfTwoThreadsEach() throws Exception {
        echo(connect()); // the server's worker and the client library's event thread start with the first socket
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        List<Socket> more = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            more.add(connect());
        }
        for (Socket socket : more) {
            assertThat(echo(socket)).startsWith("echo:");
        }

        Set<String> added = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .map(Thread::getName).collect(Collectors.toSet());
        // engine.io-client's one global "EventThread" ends when idle and starts again: not a thread per socket
        assertThat(added).as("threads started by 8 more sockets")
                .filteredOn(name -> !name.startsWith("test-links") && !name.equals("EventThread")).isEmpty();
    }

    @Test
    void aListenerThatHangsUpIsSeenAsADisconnect() throws Exception {
        Socket socket = connect();
        CompletableFuture<Object> disconnected = new CompletableFuture<>();
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args.length > 0 ? args[0] : null));

        socket.emit("hang-up", "now");

        assertThat(disconnected.get(3, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aStoppedListenerIsSeenAsADisconnect() throws Exception {
        Socket socket = connect();
        CompletableFuture<Object> disconnected = new CompletableFuture<>();
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args.length > 0 ? args[0] : null));

        server.stop();

        assertThat(disconnected.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void nothingListeningIsReportedAsARefusedConnection() throws Exception {
        server.stop();
        Socket socket = socket();
        CompletableFuture<Object> error = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args.length > 0 ? args[0] : null));

        socket.connect();

        assertThat(causes(error.get(5, TimeUnit.SECONDS))).anyMatch(ConnectException.class::isInstance);
    }

    @Test
    void moreThanSixteenMibWaitingRefusesTheMessageAndFailsTheSocketAsOkHttpDoes() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            okhttp3.WebSocket socket = sockets.factory(null).newWebSocket(
                    new Request.Builder().url("http://127.0.0.1:" + silent.getLocalPort() + "/socket.io/").build(),
                    new WebSocketListener() {
                        @Override
                        public void onFailure(okhttp3.WebSocket webSocket, Throwable t, Response response) {
                            failure.complete(t);
                        }
                    });
            ByteString tenMib = ByteString.of(new byte[10 << 20]);

            assertThat(socket.send(tenMib)).isTrue(); // waits for the upgrade, which never comes
            assertThat(socket.queueSize()).isEqualTo(10 << 20);
            assertThat(socket.send(tenMib)).isFalse();
            assertThat(failure.get(3, TimeUnit.SECONDS)).isNotNull();
            assertThat(socket.send(ByteString.of((byte) 1))).isFalse();
        }
    }

    @Test
    void closingAnOpenSocketAfterItsLoopStoppedDoesNotThrow() throws Exception {
        // a node stops its loop right after asking its links to close; engine.io closes them a moment later, and a
        // loop that stopped may never have told the socket that its channel closed (here: the socket stops listening)
        DefaultEventLoopGroup plainLoop = new DefaultEventLoopGroup(1, Threads.daemon("test-stopping"));
        EventLoopWebSocket socket = new EventLoopWebSocket(new Request.Builder().url("http://127.0.0.1:1/").build(),
                new WebSocketListener() {
                });
        LocalChannel channel = new LocalChannel();
        ChannelHandler inbound = socket.inbound();
        channel.pipeline().addLast(inbound);
        plainLoop.register(channel).sync();
        socket.attach(channel);
        channel.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
        plainLoop.submit(() -> channel.pipeline().remove(inbound)).get(1, TimeUnit.SECONDS); // open, and deaf now
        plainLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();

        assertThatCode(() -> socket.close(1000, "node stopping")).doesNotThrowAnyException();
    }

    @Test
    void theFrameLimitAdmitsTheLargestChunkAPublisherMayChoose() {
        assertThat(EventLoopWebSockets.MIN_FRAME_LIMIT).isGreaterThan(Manifest.MAX_CHUNK_SIZE + 2);
    }

    @Test
    void theUpgradeGoesToTheSameHostPortPathAndQuery() {
        assertThat(EventLoopWebSockets.webSocketUri(HttpUrl.get("https://127.0.0.1:4711/socket.io/?EIO=4&transport=websocket")))
                .isEqualTo(URI.create("wss://127.0.0.1:4711/socket.io/?EIO=4&transport=websocket"));
        assertThat(EventLoopWebSockets.webSocketUri(HttpUrl.get("http://[::1]:80/socket.io/")))
                .isEqualTo(URI.create("ws://[::1]/socket.io/"));
    }

    private Socket socket() {
        IO.Options options = new IO.Options();
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        options.webSocketFactory = sockets.factory(null);
        Socket socket = IO.socket(URI.create("http://127.0.0.1:" + port), options);
        new SharedEngineHeartbeats(timers).install(socket); // as the Dialer does: no ping-timer thread per socket
        opened.add(socket);
        return socket;
    }

    private Socket connect() throws Exception {
        Socket socket = socket();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.connect();
        connected.get(5, TimeUnit.SECONDS);
        return socket;
    }

    private static String echo(Socket socket) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        socket.emit("echo", new Object[] {"hello"}, (Ack) args -> reply.complete(String.valueOf(args[0])));
        return reply.get(5, TimeUnit.SECONDS);
    }

    private static List<Throwable> causes(Object error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
