package org.peershelf.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * N peers against one embedded registry on this machine: N-1 in this JVM, one as a separate process
 * (so it can be SIGKILLed). Measures the time until every in-JVM peer has every other peer in its
 * online view and a link to it, the time from SIGKILL of the process until it is gone from every view,
 * Peers start four at a time, as a lab's machines arrive independently,
 * and the resident memory of the separate headless peer with N-1 links.
 * Arguments: N (50), heartbeat in ms (2000), JVM options of the separate peer (none).
 */
public final class MeshBenchmark {
    private static final int STARTERS = 4;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Duration heartbeat = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 2000);
        // JVM options of the separate peer, e.g. "-XX:+UseSerialGC -Xmx128m" as a small server would run it
        List<String> outsiderJvm = args.length > 2 && !args[2].isBlank() ? List.of(args[2].trim().split("\\s+")) : List.of();
        NodeConfig config = NodeConfig.defaults().withHeartbeat(heartbeat);
        List<Peer> peers = new ArrayList<>();
        List<Registry> clients = new ArrayList<>();
        EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
        try {
            MongoRegistry.open(server.connectionString()).close();
            long start = System.nanoTime();
            NodeProcess outsider = NodeProcess.start(outsiderJvm, "--profile",
                    Files.createTempDirectory("peershelf-bench-mesh").toString(), "--registry", server.connectionString(),
                    "--name", "Outsider", "--heartbeat-ms", String.valueOf(heartbeat.toMillis()), "--status-every", "0");
            // peers arrive as a lab's machines would, several at once, not one after the other
            ExecutorService starters = Executors.newFixedThreadPool(STARTERS);
            List<Future<Peer>> starting = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                int index = i;
                starting.add(starters.submit(() -> startPeer(config, server, clients, index)));
            }
            for (Future<Peer> f : starting) {
                peers.add(f.get());
            }
            starters.shutdown();
            long allStarted = System.nanoTime();
            double allStartedSeconds = (allStarted - start) / 1e9;
            outsider.when(l -> l.startsWith("ONLINE ")).get(60, TimeUnit.SECONDS);
            DeviceId outsiderId = DeviceId.of(idFrom(outsider));
            await(peers, p -> p.presence().view().size() == n - 1, Duration.ofSeconds(120), "full online views");
            long outsiderViewsAll = outsider.when(l -> l.startsWith("VIEW online=" + (n - 1) + " ")).get(120, TimeUnit.SECONDS);
            long viewsComplete = Math.max(System.nanoTime(), outsiderViewsAll);
            double viewSeconds = (viewsComplete - start) / 1e9;
            double viewAfterLastSeconds = (viewsComplete - allStarted) / 1e9;
            await(peers, p -> p.node().links().all().size() == n - 1, Duration.ofSeconds(120), "full link mesh");
            double meshSeconds = (System.nanoTime() - start) / 1e9;
            double rss = outsider.residentMiB();
            String outsiderThreads = outsider.threadGroups();
            // with -XX:NativeMemoryTracking=summary among its options, say where its memory goes
            String outsiderMemory = outsiderJvm.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking"))
                    ? outsider.jcmd("VM.native_memory", "summary") + outsider.jcmd("GC.heap_info") + outsider.jcmd("Thread.print") : "";

            long kill = System.nanoTime();
            outsider.kill();
            awaitGone(peers, outsiderId, Duration.ofSeconds(60));
            double goneSeconds = (System.nanoTime() - kill) / 1e9;

            System.out.printf(Locale.ROOT, "peers: %d (%d in this JVM + 1 separate process), heartbeat %d ms%n", n, n - 1,
                    heartbeat.toMillis());
            System.out.printf(Locale.ROOT, "all %d peers started: %.2f s after the first%n", n, allStartedSeconds);
            System.out.printf(Locale.ROOT, "every peer has every other in its online view: %.2f s (%.2f s after the last start)%n",
                    viewSeconds, viewAfterLastSeconds);
            System.out.printf(Locale.ROOT, "every peer linked to every other (full mesh): %.2f s%n", meshSeconds);
            System.out.printf(Locale.ROOT, "SIGKILL -> gone from every view: %.2f s = %.2f heartbeat intervals%n",
                    goneSeconds, goneSeconds / (heartbeat.toMillis() / 1000.0));
            System.out.printf(Locale.ROOT, "resident memory of the separate headless peer with %d links (JVM options: %s): %.0f MiB%n",
                    n - 1, outsiderJvm.isEmpty() ? "none" : String.join(" ", outsiderJvm), rss);
            System.out.println("its " + outsiderThreads);
            System.out.print(outsiderMemory);
        } finally {
            // peers leave while the registry still runs, so their clean exits are measured as in real use
            peers.parallelStream().forEach(Peer::close);
            clients.forEach(Registry::close);
            server.close();
            TempTrees.deleteAll(peers.stream().map(Peer::dataDir).toList());
        }
        System.exit(0);
    }

    private static Peer startPeer(NodeConfig config, EmbeddedRegistryServer server, List<Registry> clients, int index)
            throws java.io.IOException {
        Registry client = MongoRegistry.open(server.connectionString());
        synchronized (clients) {
            clients.add(client);
        }
        Peer peer = new Peer(config, Files.createTempDirectory("peershelf-bench-peer"), DeviceIdentity.generate(),
                UserProfile.create("Peer " + index, "Bench", "Bench"), "bench-" + index, client, Runnable::run,
                Clock.systemUTC());
        peer.start();
        return peer;
    }

    private static String idFrom(NodeProcess process) {
        return process.output().stream().filter(l -> l.startsWith("ONLINE ")).findFirst().orElseThrow()
                .replaceAll(".*device=([0-9a-f]{40}).*", "$1");
    }

    private static void await(List<Peer> peers, java.util.function.Predicate<Peer> done, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (peers.stream().allMatch(done)) {
                return;
            }
            Thread.sleep(20);
        }
        String state = peers.stream().map(p -> p.presence().view().size() + "/" + p.node().links().all().size())
                .collect(java.util.stream.Collectors.joining(" "));
        throw new IllegalStateException("no " + what + " within " + timeout + "; view/links per peer: " + state);
    }

    private static void awaitGone(List<Peer> peers, DeviceId gone, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (peers.stream().allMatch(p -> p.presence().view().stream().map(OnlineDevice::deviceId).noneMatch(gone::equals))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("killed peer still in some view after " + timeout);
    }
}
