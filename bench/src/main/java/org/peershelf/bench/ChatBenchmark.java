package org.peershelf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatConfig;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.node.NodeThreads;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * Chat: a room of N members on loopback (all in this JVM, each with its own registry client and profile folder on
 * disk) at rising rates, first as shipped (a message is written to its sender's outbox, posted, then synced there
 * before say() returns; it is synced into the host's log before it is relayed; members write it before they
 * acknowledge it and sync their copies within 200 ms), then with fsync off to show what durability costs; the same
 * room relayed by a Node.js Socket.IO server (which keeps nothing) as the baseline, in the same run; then host
 * failovers with the host in its own process, killed with SIGKILL.
 * Usage: ChatBenchmark [members=20] [seconds per rate=3] [rates=500,1000,...] [failover runs=3]
 */
public final class ChatBenchmark {
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /**
     * With 20 peers the JIT compilers still take 0.3–0.7 of a core 20–35 s after start and settle only ~45 s in
     * (measured 2026-12-06 with jstat and per-thread CPU), and on 2026-12-07 still 15% of the CPU at 45–55 s, where
     * 100 s of warm-up gave the room's usual slope (docs/BENCHMARKS.md, "Room latency on 2026-12-07"): a shorter
     * warm-up measures the compiler, not the room.
     */
    private static final double WARM_UP_SECONDS = Double.parseDouble(System.getProperty("warmup", "100"));
    /** Which parts to run, e.g. {@code -Dparts=nofsync} to profile one sweep alone. */
    private static final List<String> PARTS = List.of(System.getProperty("parts", "fsync,nofsync,relay").split(","));
    /**
     * The peers of this JVM run their links on one set of threads ({@link NodeThreads}), as the Node.js baseline's
     * members share one event loop; {@code -Dthreads=own} gives each peer its own set, as 20 separate apps would
     * have on 20 machines (here on two cores: docs/BENCHMARKS.md, "Shared node threads").
     */
    private static final boolean SHARED_THREADS = !"own".equals(System.getProperty("threads", "shared"));

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        List<Integer> rates = Arrays.stream((args.length > 2 ? args[2] : "250,500,1000,1500,2000,3000").split(","))
                .map(Integer::parseInt).toList();
        int failovers = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
             NodeThreads threads = NodeThreads.start()) {
            Optional<NodeThreads> shared = SHARED_THREADS ? Optional.of(threads) : Optional.empty();
            MongoRegistry.open(server.connectionString()).close();
            List<RoomLatency.Result> durable = PARTS.contains("fsync")
                    ? sweep(server, shared, n, true, rates, seconds, "PeerShelf (fsync)") : List.of();
            List<RoomLatency.Result> noSync = PARTS.contains("nofsync")
                    ? sweep(server, shared, n, false, rates, seconds, "PeerShelf (no fsync)") : List.of();
            List<RoomLatency.Result> baseline = PARTS.contains("relay")
                    ? SocketIoBaseline.run(Path.of("bench/socketio/relay-bench.js"), n, seconds, rates) : List.of();
            baseline.forEach(r -> print("Socket.IO relay (Node.js)", r));
            int theirs = maxSustained(baseline);
            for (var entry : List.of(java.util.Map.entry("fsync", durable), java.util.Map.entry("no fsync", noSync))) {
                if (entry.getValue().isEmpty() || baseline.isEmpty()) {
                    continue; // a part left out with -Dparts: no ratio to give
                }
                int ours = maxSustained(entry.getValue());
                System.out.printf(Locale.ROOT, "largest rate with p99 < 100 ms (of %s): PeerShelf (%s) %d msg/s, "
                        + "Socket.IO relay %d msg/s, ratio %.2f%n", rates, entry.getKey(), ours, theirs,
                        theirs == 0 ? Double.NaN : (double) ours / theirs);
            }
            if (failovers > 0) {
                failovers(server, shared, failovers);
            }
        }
        System.exit(0);
    }

    private static List<RoomLatency.Result> sweep(EmbeddedRegistryServer server, Optional<NodeThreads> shared, int n,
                                                  boolean fsync,
                                                  List<Integer> rates, double seconds, String label) throws Exception {
        List<Peer> peers = new ArrayList<>();
        List<Registry> clients = new ArrayList<>();
        try {
            startPeers(server, shared, n, ChatConfig.from(config()).withFsync(fsync), peers, clients);
            Peer host = peers.get(0);
            String room = host.chats().rooms().create("Bench", peers.subList(1, n).stream()
                    .map(p -> p.node().deviceId()).toList());
            await(() -> peers.stream().allMatch(p -> p.chats().rooms().list().stream()
                    .anyMatch(r -> r.roomId().equals(room))), 60);
            RoomLatency latency = new RoomLatency(peers, room);
            System.out.printf(Locale.ROOT, "warming up at %d msg/s for %.0f s%n", rates.get(0), WARM_UP_SECONDS);
            latency.run(rates.get(0), WARM_UP_SECONDS); // warm-up (the JIT compiles the hot paths meanwhile), dropped
            List<RoomLatency.Result> results = new ArrayList<>();
            for (int rate : rates) {
                RoomLatency.Result r = latency.run(rate, seconds);
                results.add(r);
                print(label, r);
                if (r.delivered() < r.sent() * 0.9) {
                    break; // not keeping up at all: higher rates only take longer to drain
                }
            }
            latency.close();
            return results;
        } finally {
            peers.parallelStream().forEach(Peer::close);
            clients.forEach(Registry::close);
            TempTrees.deleteAll(peers.stream().map(Peer::dataDir).toList());
        }
    }

    private static void failovers(EmbeddedRegistryServer server, Optional<NodeThreads> shared, int runs) throws Exception {
        List<Peer> members = new ArrayList<>();
        List<Registry> clients = new ArrayList<>();
        try {
            startPeers(server, shared, 5, ChatConfig.from(config()), members, clients);
            List<Double> times = new ArrayList<>();
            int lost = 0;
            int duplicated = 0;
            int accepted = 0;
            for (int i = 0; i < runs; i++) {
                ChatFailoverRun.Result f = ChatFailoverRun.run(members, server.connectionString(), HEARTBEAT, 100);
                System.out.printf(Locale.ROOT, "failover %d: %.0f ms from SIGKILL to the first line through the new host; "
                        + "%d accepted, %d lost, %d duplicated%n", i + 1, f.failoverMillis(), f.accepted(), f.lost(),
                        f.duplicated());
                times.add(f.failoverMillis());
                lost += f.lost();
                duplicated += f.duplicated();
                accepted += f.accepted();
            }
            System.out.println(Stats.format("failover (host SIGKILL, " + members.size() + " members + host, heartbeat "
                    + HEARTBEAT.toMillis() + " ms)", times, "ms"));
            System.out.printf("messages accepted during failovers: %d, lost: %d, duplicated: %d%n", accepted, lost,
                    duplicated);
        } finally {
            members.parallelStream().forEach(Peer::close);
            clients.forEach(Registry::close);
            TempTrees.deleteAll(members.stream().map(Peer::dataDir).toList());
        }
    }

    private static NodeConfig config() {
        return NodeConfig.defaults().withHeartbeat(HEARTBEAT);
    }

    private static void startPeers(EmbeddedRegistryServer server, Optional<NodeThreads> shared, int n, ChatConfig chat,
                                   List<Peer> peers, List<Registry> clients) throws Exception {
        for (int i = 0; i < n; i++) {
            Registry client = MongoRegistry.open(server.connectionString());
            clients.add(client);
            Path home = Files.createTempDirectory("peershelf-bench-chat");
            UserProfile profile = UserProfile.create("Member " + i, "Bench", "Bench");
            Peer peer = shared.isPresent()
                    ? new Peer(shared.get(), config(), chat, home, DeviceIdentity.generate(), profile, "bench-" + i,
                            client, Runnable::run, Clock.systemUTC())
                    : new Peer(config(), chat, home, DeviceIdentity.generate(), profile, "bench-" + i, client,
                            Runnable::run, Clock.systemUTC());
            peer.start();
            peers.add(peer);
        }
        await(() -> peers.stream().allMatch(p -> p.node().links().all().size() >= n - 1), 120);
    }

    private static int maxSustained(List<RoomLatency.Result> results) {
        int max = 0;
        for (RoomLatency.Result r : results) {
            if (r.sustained()) {
                max = Math.max(max, r.rate());
            }
        }
        return max;
    }

    private static void print(String who, RoomLatency.Result r) {
        System.out.printf(Locale.ROOT, "%-26s %5d msg/s: delivered %d/%d, send -> last member p50 %.1f ms, p99 %.1f ms%s%n",
                who, r.rate(), r.delivered(), r.sent(), r.p50(), r.p99(), (Double.isNaN(r.cpuMsPerMessage()) ? ""
                        : String.format(Locale.ROOT, ", JVM CPU %.2f ms/message", r.cpuMsPerMessage()))
                        + (Double.isNaN(r.segmentsPerMessage()) ? ""
                        : String.format(Locale.ROOT, ", %.1f TCP segments/message", r.segmentsPerMessage()))
                        + (Double.isNaN(r.p50ToHost()) ? "" : String.format(Locale.ROOT,
                        " (p50 say -> stored at host %.1f ms, host -> last member %.1f ms)", r.p50ToHost(),
                        r.p50HostToLast())));
    }

    private static void await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }
}
