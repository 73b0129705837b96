package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.EventType;
import org.peershelf.protocol.wire.ProtocolException;

/** Every byte of binary events arrives intact in both link directions (server→client is where netty-socketio adds a stray byte). */
@Tag("integration")
class BinaryLinkTest {
    record Blob(String name) {
    }

    static final EventType<Blob, Empty> BLOB = EventType.of("test.blob", Blob.class, Empty.class);

    private final TestNodes nodes = new TestNodes();
    private final Map<String, String> receivedHashes = new ConcurrentHashMap<>();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    private PeerNode blobNode() {
        PeerNode node = nodes.create(TestNodes.fastConfig(), DeviceIdentity.generate());
        node.router().registerBinary(BLOB, (link, header, data) -> {
            receivedHashes.put(header.name(), sha256(data));
            return CompletableFuture.completedFuture(Empty.INSTANCE);
        });
        node.start();
        return node;
    }

    @Test
    void everyByteArrivesInBothDirections() throws Exception {
        PeerNode dialler = blobNode();
        PeerNode listener = blobNode();
        PeerLink out = dialler.dial(listener.deviceId(), "127.0.0.1", listener.port()).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.links().get(dialler.deviceId()).isPresent());
        PeerLink in = listener.links().get(dialler.deviceId()).orElseThrow();

        Map<String, byte[]> blobs = Map.of(
                "mib", random(1 << 20, 1),
                "odd", random(1_000_003, 2),
                "empty", new byte[0],
                "one", new byte[] {4},
                "zeros", new byte[100_000],
                "text-with-length-prefix", "12:30 looks like an old polling length header".getBytes(),
                "starts-with-0", startWith(random(65_536, 4), (byte) 0),
                "starts-with-4", startWith(random(65_536, 3), (byte) 4));
        for (Map.Entry<String, byte[]> blob : blobs.entrySet()) {
            out.sendBinary(BLOB, new Blob("c2s-" + blob.getKey()), blob.getValue()).get(10, TimeUnit.SECONDS);
            in.sendBinary(BLOB, new Blob("s2c-" + blob.getKey()), blob.getValue()).get(10, TimeUnit.SECONDS);
        }
        for (Map.Entry<String, byte[]> blob : blobs.entrySet()) {
            assertThat(receivedHashes.get("c2s-" + blob.getKey())).as("client→server " + blob.getKey())
                    .isEqualTo(sha256(blob.getValue()));
            assertThat(receivedHashes.get("s2c-" + blob.getKey())).as("server→client " + blob.getKey())
                    .isEqualTo(sha256(blob.getValue()));
        }
    }

    @Test
    void unknownBinaryEventIsRefused() throws Exception {
        PeerNode a = blobNode();
        PeerNode b = nodes.start();
        PeerLink link = a.dial(b.deviceId(), "127.0.0.1", b.port()).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> link.sendBinary(BLOB, new Blob("x"), new byte[10]).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Unknown binary event");
    }

    private static byte[] startWith(byte[] data, byte first) {
        data[0] = first;
        return data;
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
