package org.peershelf.bench;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.ServerSocket;
import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Measures the candidate data paths for file chunks over one Socket.IO link configured like the
 * peer links (netty-socketio server, socket.io-client-java client, websocket only): the holder
 * answers "get chunk i" in the acknowledgement, either as base64 in JSON or as a binary attachment,
 * in each link direction, with several chunks in flight. Every chunk is SHA-256 checked on arrival,
 * as a download does, so a mis-framed byte shows up as an error instead of a fast number.
 *
 * <p>Usage: {@code bench/run.sh ChunkPathBenchmark [MiB per run] [rounds] [only candidates containing this]}.
 * The "binary holder=client" (binary acknowledgement) candidate fails: netty-socketio cannot read binary acks.
 */
public final class ChunkPathBenchmark {
    private static final int CHUNK = 1024 * 1024;
    private static final int DISTINCT = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[][] chunks = new byte[DISTINCT][CHUNK];
    private final byte[][] hashes = new byte[DISTINCT][];
    private final AtomicLong strayBytes = new AtomicLong();
    private String only = "";
    private final Map<Integer, Consumer<Object>> pushed = new java.util.concurrent.ConcurrentHashMap<>();

    private ChunkPathBenchmark() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < DISTINCT; i++) {
            random.nextBytes(chunks[i]);
            hashes[i] = MessageDigest.getInstance("SHA-256").digest(chunks[i]);
        }
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ChunkPathBenchmark bench = new ChunkPathBenchmark();
        bench.only = args.length > 2 ? args[2] : "";
        bench.run(mib, rounds);
    }

    private void run(int mib, int rounds) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SocketIOServer server = new SocketIOServer(serverConfig(port));
        CompletableFuture<SocketIOClient> connected = new CompletableFuture<>();
        server.addConnectListener(connected::complete);
        // the holder side of "server is the holder": answer get(i, mode) in the ack
        server.addMultiTypeEventListener("get", (client, data, ack) -> ack.sendAckData(answer(
                (Integer) data.get(0), (String) data.get(1))), Integer.class, String.class);
        server.start();
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
        Socket socket = IO.socket(URI.create("http://127.0.0.1:" + port), clientOptions(http));
        // the holder side of "client is the holder"
        socket.on("get", args -> {
            Ack ack = (Ack) args[args.length - 1];
            ack.call(answer(((Number) args[0]).intValue(), (String) args[1]));
        });
        socket.connect();
        SocketIOClient serverSide = connected.get(10, TimeUnit.SECONDS);

        Map<String, Fetcher> candidates = new java.util.LinkedHashMap<>();
        // server -> client: the downloader dialled the holder
        candidates.put("base64-json holder=server (s->c)", (i, mode, done) -> socket.emit("get",
                new Object[] {i, mode}, (Ack) reply -> done.accept(reply[0])));
        candidates.put("binary holder=server (s->c)", candidates.get("base64-json holder=server (s->c)"));
        // client -> server: the holder dialled the downloader
        candidates.put("base64-json holder=client (c->s)", (i, mode, done) -> serverSide.sendEvent("get",
                new AckCallback<>(Object.class, 30) {
                    @Override
                    public void onSuccess(Object result) {
                        done.accept(result);
                    }
                }, i, mode));
        candidates.put("binary holder=client (c->s)", (i, mode, done) -> serverSide.sendEvent("get",
                new AckCallback<>(byte[].class, 30) {
                    @Override
                    public void onSuccess(byte[] result) {
                        done.accept(result);
                    }
                }, i, mode));
        // client -> server as an event: the holder pushes (index, bytes), the downloader acks
        // the shape the peer links would use: (event name, JSON header, bytes)
        server.addMultiTypeEventListener("chunk", (client, data, ack) -> {
            Consumer<Object> done = pushed.remove(Integer.valueOf((String) data.get(1)));
            done.accept(data.get(2));
            ack.sendAckData("{}");
        }, String.class, String.class, byte[].class);
        socket.on("want", args -> {
            int index = ((Number) args[0]).intValue();
            socket.emit("chunk", new Object[] {"resource.chunk-data", String.valueOf(index), chunks[index % DISTINCT]},
                    (Ack) ok -> { });
        });
        socket.on("chunk", args -> {
            Consumer<Object> done = pushed.remove(Integer.valueOf((String) args[1]));
            done.accept(args[2]);
            ((Ack) args[args.length - 1]).call("{}");
        });
        server.addEventListener("want", Integer.class, (client, index, ack) -> client.sendEvent("chunk",
                new AckCallback<>(String.class, 30) {
                    @Override
                    public void onSuccess(String ok) {
                    }
                }, "resource.chunk-data", String.valueOf(index), chunks[index % DISTINCT]));
        candidates.put("binary push holder=server (s->c)", (i, mode, done) -> {
            pushed.put(i, done);
            socket.emit("want", i);
        });
        candidates.put("binary push holder=client (c->s)", (i, mode, done) -> {
            pushed.put(i, done);
            serverSide.sendEvent("want", i);
        });

        int count = mib;
        System.out.printf(Locale.ROOT, "chunk path: %d x 1 MiB per run, %d rounds, every chunk SHA-256 checked%n", count, rounds);
        String only = this.only;
        for (Map.Entry<String, Fetcher> candidate : candidates.entrySet()) {
            if (!candidate.getKey().contains(only)) {
                continue;
            }
            String mode = candidate.getKey().startsWith("binary") ? "bin" : "b64";
            for (int window : new int[] {1, 4, 8}) {
                if (mode.equals("b64") && window == 8) {
                    continue;
                }
                List<Double> rates = new ArrayList<>();
                for (int round = 0; round < rounds + 1; round++) {
                    double rate = transfer(candidate.getValue(), mode, count, window);
                    if (round > 0) { // the first run warms the JIT
                        rates.add(rate);
                    }
                }
                System.out.println(Stats.format(candidate.getKey() + " window " + window, rates, "MB/s")
                        + " stray 0x04 so far: " + strayBytes.get());
            }
        }
        System.out.println("stray leading bytes stripped: " + strayBytes.get());
        socket.close();
        serverSide.disconnect();
        server.stop();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
        System.exit(0);
    }

    /** The holder's answer to get(i): the chunk as base64 in a JSON object, or as raw bytes. */
    private Object answer(int index, String mode) {
        byte[] chunk = chunks[index % DISTINCT];
        if ("bin".equals(mode)) {
            return chunk;
        }
        try {
            return JSON.writeValueAsString(Map.of("index", index, "data", Base64.getEncoder().encodeToString(chunk)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fetches {@code count} chunks with {@code window} in flight; returns MB/s (10^6 bytes). */
    private double transfer(Fetcher fetcher, String mode, int count, int window) throws Exception {
        Semaphore slots = new Semaphore(window);
        CountDownLatch finished = new CountDownLatch(count);
        AtomicInteger bad = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            int index = i;
            fetcher.fetch(index, mode, reply -> {
                if (!verify(index, reply)) {
                    bad.incrementAndGet();
                }
                slots.release();
                finished.countDown();
            });
        }
        if (!finished.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("transfer stalled");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (bad.get() > 0) {
            throw new IllegalStateException(bad.get() + " chunks failed their hash");
        }
        return (double) count * CHUNK / 1e6 / seconds;
    }

    private boolean verify(int index, Object reply) {
        try {
            byte[] data;
            if (reply instanceof byte[] raw) {
                data = raw;
                // netty-socketio issue 940: server->client attachments may carry one stray leading 0x04
                if (raw.length == CHUNK + 1 && raw[0] == 4) {
                    strayBytes.incrementAndGet();
                    data = Arrays.copyOfRange(raw, 1, raw.length);
                }
            } else {
                JsonNode node = JSON.readTree((String) reply);
                data = Base64.getDecoder().decode(node.get("data").asText());
            }
            return Arrays.equals(MessageDigest.getInstance("SHA-256").digest(data), hashes[index % DISTINCT]);
        } catch (Exception e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Fetcher {
        void fetch(int index, String mode, Consumer<Object> done);
    }

    private static Configuration serverConfig(int port) {
        Configuration c = new Configuration();
        c.setHostname("127.0.0.1");
        c.setPort(port);
        c.setTransports(Transport.WEBSOCKET);
        c.setAckMode(AckMode.MANUAL);
        c.setBossThreads(1);
        c.setWorkerThreads(2);
        c.setMaxFramePayloadLength(16 * 1024 * 1024);
        c.setMaxHttpContentLength(16 * 1024 * 1024);
        c.setUseLinuxNativeEpoll(false);
        c.getSocketConfig().setTcpNoDelay(true);
        return c;
    }

    private static IO.Options clientOptions(OkHttpClient http) {
        IO.Options options = new IO.Options();
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        options.webSocketFactory = http;
        options.callFactory = http;
        return options;
    }
}
