package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client links share the node's timer thread for engine.io's ping timeout, and the timeout still works:
 * a link whose far end goes silent (a frozen relay, the TCP connection still open) is closed.
 */
class SharedEngineHeartbeatsTest {
    private static final String OWN_HEARTBEAT_THREAD = "engine.io-client.heartbeat";

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "node-timer");
        t.setDaemon(true);
        return t;
    });
    private SocketIOServer server;
    private FreezableRelay relay;
    private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServerBehindRelay() throws IOException {
        timers.setRemoveOnCancelPolicy(true);
        Configuration config = new Configuration();
        config.setHostname("127.0.0.1");
        int port = freePort();
        config.setPort(port);
        config.setTransports(Transport.WEBSOCKET);
        config.setPingInterval(200);
        config.setPingTimeout(300);
        config.setBossThreads(1);
        config.setWorkerThreads(1);
        config.getSocketConfig().setReuseAddress(true);
        server = new SocketIOServer(config);
        server.start();
        relay = new FreezableRelay(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws IOException {
        sockets.forEach(Socket::close);
        relay.close();
        server.stop();
        timers.shutdownNow();
    }

    @Test
    void linksUseTheSharedTimerAndStayUpWhilePingsFlow() throws Exception {
        Socket first = connect();
        Socket second = connect();

        Thread.sleep(1_500); // three times ping interval + timeout: a timer that is not re-armed would fire

        assertThat(first.connected()).isTrue();
        assertThat(second.connected()).isTrue();
        assertThat(threadsNamed(OWN_HEARTBEAT_THREAD)).isZero();
    }

    @Test
    void aSilentFarEndIsClosedByThePingTimeoutAndTheSharedTimerKeepsRunning() throws Exception {
        Socket socket = connect();
        AtomicReference<Object> reason = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        socket.on(Socket.EVENT_DISCONNECT, args -> {
            reason.set(args.length > 0 ? args[0] : null);
            closed.countDown();
        });

        relay.freeze();

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(reason.get()).isEqualTo("ping timeout");
        assertThat(timers.isShutdown()).isFalse();
        CountDownLatch stillRuns = new CountDownLatch(1);
        timers.schedule(stillRuns::countDown, 1, TimeUnit.MILLISECONDS);
        assertThat(stillRuns.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(threadsNamed(OWN_HEARTBEAT_THREAD)).isZero();
    }

    private Socket connect() throws InterruptedException {
        IO.Options options = new IO.Options();
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        Socket socket = IO.socket(URI.create("http://127.0.0.1:" + relay.port()), options);
        new SharedEngineHeartbeats(timers).install(socket);
        CountDownLatch connected = new CountDownLatch(1);
        socket.on(Socket.EVENT_CONNECT, args -> connected.countDown());
        sockets.add(socket);
        socket.connect();
        assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();
        return socket;
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    /** Forwards TCP both ways until frozen; frozen, it keeps the connections open and drops every byte. */
    private static final class FreezableRelay implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final CopyOnWriteArrayList<java.net.Socket> open = new CopyOnWriteArrayList<>();
        private volatile boolean frozen;

        FreezableRelay(int upstreamPort) throws IOException {
            Thread accept = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        java.net.Socket down = listener.accept();
                        java.net.Socket up = new java.net.Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                        open.add(down);
                        open.add(up);
                        pump(down, up);
                        pump(up, down);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "relay-accept");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void freeze() {
            frozen = true;
        }

        private void pump(java.net.Socket from, java.net.Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        if (!frozen) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // one side closed: the test is over for this connection
                }
            }, "relay-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (java.net.Socket s : open) {
                s.close();
            }
        }
    }
}
