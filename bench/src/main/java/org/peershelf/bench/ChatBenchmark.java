package org.peershelf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * Chat: a room of N members on loopback (all in this JVM, each with its own registry client and profile folder on
 * disk, every message fsynced by the host and every member before it is acknowledged) at rising rates; the same
 * room relayed by a Node.js Socket.IO server as the baseline, in the same run; then host failovers with the host in
 * its own process, killed with SIGKILL.
 * Usage: ChatBenchmark [members=20] [seconds per rate=3] [rates=500,1000,...] [failover runs=3]
 */
public final class ChatBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        List<Integer> rates = Arrays.stream((args.length > 2 ? args[2] : "500,1000,1500,2000,3000,4000,6000").split(","))
                .map(Integer::parseInt).toList();
        int failovers = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Duration heartbeat = Duration.ofMillis(500);
        NodeConfig config = NodeConfig.defaults().withHeartbeat(heartbeat);
        List<Peer> peers = new ArrayList<>();
        List<Registry> clients = new ArrayList<>();
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory()) {
            MongoRegistry.open(server.connectionString()).close();
            for (int i = 0; i < n; i++) {
                Registry client = MongoRegistry.open(server.connectionString());
                clients.add(client);
                Peer peer = new Peer(config, Files.createTempDirectory("peershelf-bench-chat"), DeviceIdentity.generate(),
                        UserProfile.create("Member " + i, "Bench", "Bench"), "bench-" + i, client, Runnable::run,
                        Clock.systemUTC());
                peer.start();
                peers.add(peer);
            }
            await(() -> peers.stream().allMatch(p -> p.node().links().all().size() == n - 1), 120);
            Peer host = peers.get(0);
            String room = host.chats().rooms().create("Bench", peers.subList(1, n).stream()
                    .map(p -> p.node().deviceId()).toList());
            await(() -> peers.stream().allMatch(p -> p.chats().rooms().list().stream()
                    .anyMatch(r -> r.roomId().equals(room))), 60);

            RoomLatency latency = new RoomLatency(peers, room);
            latency.run(rates.get(0), 2); // warm-up, dropped
            List<RoomLatency.Result> ours = new ArrayList<>();
            for (int rate : rates) {
                RoomLatency.Result r = latency.run(rate, seconds);
                ours.add(r);
                print("PeerShelf", r);
                if (!r.sustained()) {
                    break;
                }
            }
            latency.close();

            List<RoomLatency.Result> baseline = SocketIoBaseline.run(Path.of("bench/socketio/relay-bench.js"), n, seconds,
                    rates);
            baseline.forEach(r -> print("Socket.IO relay (Node.js)", r));

            int oursMax = maxSustained(ours);
            int theirsMax = maxSustained(baseline);
            System.out.printf(Locale.ROOT, "largest rate with p99 < 100 ms (of %s): PeerShelf %d msg/s, Socket.IO relay %d "
                    + "msg/s, ratio %.2f%n", rates, oursMax, theirsMax, theirsMax == 0 ? Double.NaN : (double) oursMax / theirsMax);

            List<Peer> members = peers.subList(1, Math.min(n, 6));
            List<Double> times = new ArrayList<>();
            int lost = 0;
            int duplicated = 0;
            int accepted = 0;
            for (int i = 0; i < failovers; i++) {
                ChatFailoverRun.Result f = ChatFailoverRun.run(members, server.connectionString(), heartbeat, 100);
                System.out.printf(Locale.ROOT, "failover %d: %.0f ms from SIGKILL to the first line through the new host; "
                        + "%d accepted, %d lost, %d duplicated%n", i + 1, f.failoverMillis(), f.accepted(), f.lost(), f.duplicated());
                times.add(f.failoverMillis());
                lost += f.lost();
                duplicated += f.duplicated();
                accepted += f.accepted();
            }
            System.out.println(Stats.format("failover (host SIGKILL, " + members.size() + " members, heartbeat "
                    + heartbeat.toMillis() + " ms)", times, "ms"));
            System.out.printf("messages accepted during failovers: %d, lost: %d, duplicated: %d%n", accepted, lost, duplicated);
        } finally {
            peers.parallelStream().forEach(Peer::close);
            clients.forEach(Registry::close);
        }
        System.exit(0);
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
        System.out.printf(Locale.ROOT, "%-26s %5d msg/s: delivered %d/%d, send -> last member p50 %.1f ms, p99 %.1f ms%n",
                who, r.rate(), r.delivered(), r.sent(), r.p50(), r.p99());
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
