package org.peershelf.protocol.node.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.node.HandshakeTranscript;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.node.RawClients;
import org.peershelf.protocol.node.TestNodes;
import org.peershelf.protocol.wire.EventType;
import org.peershelf.protocol.wire.ProtocolVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throws random and mutated Engine.IO / Socket.IO frames at a running peer for a bounded time (45 s,
 * {@code -Dpeershelf.fuzz.seconds}), before and after completing a real handshake, with floods and
 * half-open connections, while an honest peer keeps using its link. Afterwards the peer must still
 * serve honest peers and its heap must not have grown. Seeded: {@code -Dpeershelf.fuzz.seed=N} replays
 * the frame sequences (the seed is in the failure message).
 */
@Tag("integration")
class PeerFuzzTest {
    private static final Logger LOG = LoggerFactory.getLogger(PeerFuzzTest.class);
    private static final int MAX_PAYLOAD = 256 * 1024;
    private static final int FUZZ_THREADS = 2;
    private static final int MAX_LINGERING = 40;

    record Echo(String text) {
    }

    static final EventType<Echo, Echo> ECHO = EventType.of("test.echo", Echo.class, Echo.class);

    private final TestNodes nodes = new TestNodes();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void aPeerUnderHostileTrafficKeepsServingHonestPeersWithBoundedMemory() throws Exception {
        long seed = Long.getLong("peershelf.fuzz.seed", new SecureRandom().nextLong());
        Duration duration = Duration.ofSeconds(Long.getLong("peershelf.fuzz.seconds", 45));
        LOG.info("Fuzzing a peer for {} with seed {}", duration, seed);
        try {
            fuzz(seed, duration);
        } catch (Throwable e) {
            throw new AssertionError("Fuzz test failed with seed " + seed + " (replay: -Dpeershelf.fuzz.seed=" + seed
                    + "): " + e.getMessage(), e);
        }
    }

    private PeerNode echoNode(NodeConfig config) {
        PeerNode node = nodes.create(config, DeviceIdentity.generate());
        node.router().registerSync(ECHO, (link, echo) -> new Echo(echo.text()));
        node.start();
        return node;
    }

    private void fuzz(long seed, Duration duration) throws Exception {
        NodeConfig base = TestNodes.fastConfig();
        NodeConfig config = new NodeConfig(base.bindHost(), base.advertisedHost(), 0, base.maxLinks(),
                base.heartbeatInterval(), base.staleAfterBeats(), base.voteRatio(), base.pingInterval(),
                base.requestTimeout(), Duration.ofSeconds(2), MAX_PAYLOAD, false, base.connectionLimits(),
                base.requestLimits());
        PeerNode target = echoNode(config);
        PeerNode honest = echoNode(TestNodes.fastConfig());
        PeerLink honestLink = honest.dial(target.deviceId(), "127.0.0.1", target.port()).get(5, TimeUnit.SECONDS);
        assertThat(honestLink.request(ECHO, new Echo("warm-up")).get(5, TimeUnit.SECONDS).text()).isEqualTo("warm-up");
        long heapBefore = usedHeapAfterGc();

        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong frames = new AtomicLong();
        AtomicInteger sessions = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> crashes = new ArrayList<>();
        for (int t = 0; t < FUZZ_THREADS; t++) {
            Random random = new Random(seed + t);
            Thread thread = new Thread(() -> {
                try {
                    new Attacker(random, target, frames, sessions).runUntil(deadline);
                } catch (Throwable e) {
                    synchronized (crashes) {
                        crashes.add(e);
                    }
                }
            }, "fuzz-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }

        int probes = 0;
        while (System.nanoTime() < deadline) {
            String text = "probe " + probes++;
            assertThat(honestLink.request(ECHO, new Echo(text)).get(10, TimeUnit.SECONDS).text())
                    .as("honest echo during the fuzz").isEqualTo(text);
            Thread.sleep(250);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(crashes).as("fuzz threads").isEmpty();
        LOG.info("Fuzz sent {} frames in {} sessions; {} honest probes answered", frames.get(), sessions.get(), probes);

        assertThat(honestLink.isOpen()).as("the honest link survived").isTrue();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(target.links().all())
                .as("only the honest links remain").allMatch(l -> l.remote().equals(honest.deviceId())));
        PeerNode newcomer = echoNode(TestNodes.fastConfig());
        PeerLink fresh = newcomer.dial(target.deviceId(), "127.0.0.1", target.port()).get(10, TimeUnit.SECONDS);
        assertThat(fresh.request(ECHO, new Echo("after")).get(10, TimeUnit.SECONDS).text()).isEqualTo("after");
        long growth = usedHeapAfterGc() - heapBefore;
        LOG.info("Heap growth over the fuzz: {} KiB", growth / 1024);
        assertThat(growth).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** One fuzzing thread: session after session of hostile frames until the deadline. */
    private final class Attacker {
        private final Random random;
        private final PeerNode target;
        private final AtomicLong frames;
        private final AtomicInteger sessions;
        private final PacketFuzzer fuzzer;
        private final List<DeviceIdentity> identities = new ArrayList<>();
        private final List<OkHttpClient> clients = new ArrayList<>();
        private final Deque<AutoCloseable> lingering = new ArrayDeque<>();

        Attacker(Random random, PeerNode target, AtomicLong frames, AtomicInteger sessions) {
            this.random = random;
            this.target = target;
            this.frames = frames;
            this.sessions = sessions;
            this.fuzzer = new PacketFuzzer(random, MAX_PAYLOAD);
            for (int i = 0; i < 3; i++) {
                DeviceIdentity identity = DeviceIdentity.generate();
                identities.add(identity);
                clients.add(RawClients.http(identity));
            }
        }

        void runUntil(long deadline) throws Exception {
            try {
                while (System.nanoTime() < deadline) {
                    session();
                    sessions.incrementAndGet();
                }
            } finally {
                for (AutoCloseable c : lingering) {
                    c.close();
                }
                clients.forEach(c -> c.dispatcher().executorService().shutdown());
            }
        }

        private void linger(AutoCloseable c) throws Exception {
            lingering.addLast(c);
            if (lingering.size() > MAX_LINGERING) {
                lingering.removeFirst().close();
            }
        }

        private void session() throws Exception {
            int mode = random.nextInt(20);
            if (mode == 0) {
                rawTcp();
                return;
            }
            int who = random.nextInt(identities.size());
            RawWebSocket ws = new RawWebSocket(clients.get(who), target.port());
            if (ws.await(f -> f.startsWith("0"), 3000) == null) {
                ws.close();
                return;
            }
            if (mode == 1) {
                linger(ws); // half-open: upgraded, then silent
                return;
            }
            ws.send("40");
            ws.await(f -> f.startsWith("40"), 3000);
            if (mode < 10) {
                handshake(ws, identities.get(who), mode == 2);
            }
            if (random.nextInt(10) == 0) {
                for (int i = 0; i < 300; i++) {
                    ws.send(fuzzer.event("test.echo", "{\"text\":\"flood\"}"));
                }
                frames.addAndGet(300);
            }
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count && !ws.isClosed(); i++) {
                Object frame = fuzzer.next();
                if (frame instanceof byte[] bytes) {
                    ws.send(bytes);
                } else {
                    ws.send((String) frame);
                }
                frames.incrementAndGet();
            }
            if (random.nextBoolean()) {
                ws.close();
            } else {
                linger(ws);
            }
        }

        /** The real handshake over raw frames, so later garbage reaches the event router; optionally stops half-way. */
        private void handshake(RawWebSocket ws, DeviceIdentity me, boolean stopAfterHello) throws Exception {
            String hello = json.writeValueAsString(new org.peershelf.protocol.wire.HandshakeMessages.Hello(
                    ProtocolVersion.CURRENT, me.deviceId().value(), me.publicKeyBase64(), HandshakeTranscript.newNonce()));
            ws.send("421[\"peershelf\",\"link.hello\"," + json.writeValueAsString(hello) + "]");
            String ack = ws.await(f -> f.startsWith("431"), 3000);
            if (ack == null || stopAfterHello) {
                return;
            }
            JsonNode reply = json.readTree(json.readTree(ack.substring(3)).get(0).asText());
            if (!reply.path("ok").asBoolean()) {
                return;
            }
            String signature = Base64.getEncoder().encodeToString(me.sign(HandshakeTranscript.diallerStatement(
                    reply.get("body").get("nonce").asText(), me.deviceId(), target.deviceId())));
            ws.send("422[\"peershelf\",\"link.prove\"," + json.writeValueAsString("{\"signature\":\"" + signature + "\"}") + "]");
            ws.await(f -> f.startsWith("432"), 3000);
        }

        /** A TCP connection that never finishes TLS: silent, or random bytes. */
        private void rawTcp() throws Exception {
            Socket socket = new Socket("127.0.0.1", target.port());
            if (random.nextBoolean()) {
                byte[] junk = new byte[1 + random.nextInt(2048)];
                random.nextBytes(junk);
                junk[0] = 0x16; // looks like a TLS handshake record
                OutputStream out = socket.getOutputStream();
                out.write(junk);
                out.flush();
            }
            linger(socket);
        }
    }
}
