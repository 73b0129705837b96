package org.peershelf.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.transfer.DownloadProgress;
import org.peershelf.protocol.resource.transfer.DownloadState;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * Resource downloads between real peers (in this JVM) over loopback links, with the embedded registry.
 * <ol>
 *   <li>One holder → one downloader, a resource of {@code MiB} (default 1024) in 1 MiB chunks: time from
 *       {@code download()} to "completed" (every chunk hashed, written, forced to disk and moved into the
 *       repository). Baseline in the same run: {@code curl} fetching the same file from {@code python3 -m http.server}
 *       on loopback into a file.</li>
 *   <li>The same resource from 1 holder, then from 4 holders, each holder limited to the same upload rate:
 *       aggregate rate / single-holder rate.</li>
 * </ol>
 * Every holder's token bucket is emptied just before each limited download, so no saved-up second of burst inflates
 * the rates. Usage: {@code bench/run.sh TransferBenchmark [MiB, 0 = skip part 1] [rounds] [limited MiB] [limit MB/s]}.
 */
public final class TransferBenchmark {
    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    private final EmbeddedRegistryServer registry = EmbeddedRegistryServer.startInMemory();
    private final List<Peer> peers = new ArrayList<>();
    private final List<Registry> clients = new ArrayList<>();
    private final Path work;

    private TransferBenchmark() throws IOException {
        this.work = Files.createTempDirectory("peershelf-bench-transfer");
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int limitedMib = args.length > 2 ? Integer.parseInt(args[2]) : 192;
        long limit = (long) ((args.length > 3 ? Double.parseDouble(args[3]) : 8) * 1e6);
        TransferBenchmark bench = new TransferBenchmark();
        try {
            if (mib > 0) {
                bench.oneToOne(mib, rounds);
            }
            bench.fourLimitedHolders(limitedMib, limit, Math.max(1, rounds - 1));
        } finally {
            bench.close();
        }
        System.exit(0);
    }

    private void oneToOne(int mib, int rounds) throws Exception {
        Path file = randomFile(work.resolve("one.bin"), mib);
        Peer holder = startPeer("holder");
        long hashStart = System.nanoTime();
        Resource shared = holder.sharing().share(ResourceMetadata.of("Bench " + mib + " MiB", ResourceType.DATASET), List.of(file));
        double hashSeconds = (System.nanoTime() - hashStart) / 1e9;
        awaitHolders(shared.id(), 1);
        System.out.printf(Locale.ROOT, "shared %d MiB (hash + copy into the repository) in %.1f s = %.0f MB/s%n", mib,
                hashSeconds, size(file) / 1e6 / hashSeconds);
        List<Double> peerRates = new ArrayList<>();
        List<Double> curlRates = new ArrayList<>();
        try (HttpBaseline http = new HttpBaseline(work)) {
            for (int round = 0; round < rounds; round++) {
                curlRates.add(http.fetch("one.bin", work.resolve("curl.out")) / 1e6);
                Files.deleteIfExists(work.resolve("curl.out"));
                Peer downloader = startPeer("downloader-" + round);
                awaitOnlineHolders(shared.id(), downloader, 1);
                peerRates.add(download(downloader, shared) / 1e6);
                // which end dialled decides which client library carries the chunks: worth seeing per round
                String dialled = downloader.node().links().get(holder.node().deviceId())
                        .map(link -> link.outbound() ? "downloader dialled" : "holder dialled").orElse("link gone");
                closePeer(downloader); // offline again, so it does not serve the next round
                System.out.printf(Locale.ROOT, "round %d: peer %.1f MB/s (%s), curl %.1f MB/s%n", round,
                        peerRates.get(round), dialled, curlRates.get(round));
            }
        }
        System.out.println(Stats.format("1 holder -> 1 downloader, " + mib + " MiB", peerRates, "MB/s"));
        System.out.println(Stats.format("curl from python3 http.server, " + mib + " MiB", curlRates, "MB/s"));
        System.out.printf(Locale.ROOT, "ratio peer/curl (medians): %.2f%n", Stats.median(peerRates) / Stats.median(curlRates));
        closePeer(holder);
        Files.deleteIfExists(file);
    }

    private void fourLimitedHolders(int mib, long limit, int rounds) throws Exception {
        Path file = randomFile(work.resolve("limited.bin"), mib);
        ResourceMetadata metadata = ResourceMetadata.of("Bench limited " + mib + " MiB", ResourceType.DATASET);
        Peer first = startPeer("limited-first");
        first.transfers().setUploadRate(limit);
        Resource shared = first.sharing().share(metadata, List.of(file));
        awaitHolders(shared.id(), 1);
        List<Double> single = new ArrayList<>();
        List<Double> four = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Peer d1 = startPeer("single-" + round);
            awaitOnlineHolders(shared.id(), d1, 1);
            first.transfers().setUploadRate(limit); // an empty bucket: no saved-up burst counts in the rate
            single.add(download(d1, shared) / 1e6);
            closePeer(d1);
            List<Peer> extra = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Peer holder = startPeer("extra-" + round + "-" + i);
                holder.transfers().setUploadRate(limit);
                holder.sharing().share(metadata, List.of(file)); // same bytes, same metadata: the same id
                extra.add(holder);
            }
            Peer d4 = startPeer("four-" + round);
            awaitOnlineHolders(shared.id(), d4, 4);
            first.transfers().setUploadRate(limit);
            extra.forEach(holder -> holder.transfers().setUploadRate(limit));
            four.add(download(d4, shared) / 1e6);
            closePeer(d4);
            for (Peer holder : extra) {
                closePeer(holder); // offline: the next single-holder round finds only the first
            }
            System.out.printf(Locale.ROOT, "round %d: 1 holder %.1f MB/s, 4 holders %.1f MB/s%n", round,
                    single.get(round), four.get(round));
        }
        System.out.println(Stats.format("1 holder limited to " + limit / 1e6 + " MB/s, " + mib + " MiB", single, "MB/s"));
        System.out.println(Stats.format("4 holders limited to " + limit / 1e6 + " MB/s each", four, "MB/s"));
        System.out.printf(Locale.ROOT, "ratio 4 holders / 1 holder (medians): %.2f%n", Stats.median(four) / Stats.median(single));
    }

    /** Bytes per second from download() to completed. */
    private static double download(Peer downloader, Resource resource) throws Exception {
        ResourceId id = resource.id();
        long start = System.nanoTime();
        downloader.transfers().download(id).get(60, TimeUnit.SECONDS);
        while (true) {
            DownloadProgress p = downloader.transfers().progress(id).orElse(null);
            if (p != null && p.state() == DownloadState.COMPLETED) {
                break;
            }
            if (p != null && p.state() == DownloadState.FAILED) {
                throw new IllegalStateException("download failed: " + p.message());
            }
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("download did not finish: " + p);
            }
            Thread.sleep(5);
        }
        return resource.manifest().totalSize() / ((System.nanoTime() - start) / 1e9);
    }

    private Peer startPeer(String name) throws IOException {
        Registry client = MongoRegistry.open(registry.connectionString());
        clients.add(client);
        Peer peer = new Peer(NodeConfig.defaults().withHeartbeat(HEARTBEAT), Files.createDirectories(work.resolve(name)),
                DeviceIdentity.generate(), UserProfile.create(name, "Bench", "Bench"), name, client, Runnable::run,
                Clock.systemUTC());
        peer.start();
        peers.add(peer);
        return peer;
    }

    private void closePeer(Peer peer) throws IOException {
        peer.close();
        peers.remove(peer);
        TempTrees.delete(peer.dataDir()); // 1 GiB copies add up

    }

    private void awaitHolders(ResourceId id, int count) throws InterruptedException {
        Registry client = clients.get(0);
        while (client.holders(id).size() < count) {
            Thread.sleep(20);
        }
    }

    /** Waits until the downloader-to-be sees exactly {@code count} holders online, as a running app would. */
    private void awaitOnlineHolders(ResourceId id, Peer observer, int count) throws InterruptedException {
        Registry client = clients.get(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var online = observer.presence().view().stream().map(d -> d.deviceId()).toList();
            long n = client.holders(id).stream().filter(online::contains).count();
            if (n == count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("expected " + count + " online holders");
    }

    private static Path randomFile(Path file, int mib) throws IOException {
        byte[] block = new byte[1 << 20];
        new Random(mib).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                ByteBuffer.wrap(block).putInt(0, i); // every chunk different
                out.write(block);
            }
        }
        return file;
    }

    private static long size(Path file) throws IOException {
        return Files.size(file);
    }

    private void close() throws IOException {
        new ArrayList<>(peers).forEach(Peer::close);
        clients.forEach(Registry::close);
        registry.close();
        TempTrees.delete(work);
    }

    /** {@code python3 -m http.server} serving the work folder on loopback, fetched with {@code curl}. */
    private static final class HttpBaseline implements AutoCloseable {
        private final Process server;
        private final int port;

        HttpBaseline(Path folder) throws Exception {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            server = new ProcessBuilder("python3", "-m", "http.server", String.valueOf(port), "--bind", "127.0.0.1")
                    .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
            throw new IllegalStateException("http.server did not start");
        }

        /** Bytes per second for curl to fetch {@code name} into {@code out}. */
        double fetch(String name, Path out) throws Exception {
            long start = System.nanoTime();
            Process curl = new ProcessBuilder("curl", "-s", "-o", out.toString(), "http://127.0.0.1:" + port + "/" + name)
                    .redirectErrorStream(true).start();
            curl.getInputStream().readAllBytes();
            if (curl.waitFor() != 0) {
                throw new IllegalStateException("curl failed");
            }
            return Files.size(out) / ((System.nanoTime() - start) / 1e9);
        }

        @Override
        public void close() {
            server.destroy();
        }
    }
}
