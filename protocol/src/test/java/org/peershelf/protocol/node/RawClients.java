package org.peershelf.protocol.node;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.node.tls.TlsHttpClients;

/** Raw Socket.IO clients that speak TLS with a chosen device's certificate but follow no protocol of ours. */
public final class RawClients {
    private RawClients() {
    }

    /** An HTTP client presenting {@code as}'s certificate and accepting any peer's. */
    public static OkHttpClient http(DeviceIdentity as) {
        return TlsHttpClients.presenting(as);
    }

    public static Socket connect(PeerNode server, DeviceIdentity as, AtomicBoolean disconnected) throws Exception {
        IO.Options options = new IO.Options();
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        OkHttpClient http = http(as);
        options.webSocketFactory = http;
        options.callFactory = http;
        Socket socket = IO.socket(URI.create("https://127.0.0.1:" + server.port()), options);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.set(true));
        socket.connect();
        connected.get(5, TimeUnit.SECONDS);
        return socket;
    }
}
