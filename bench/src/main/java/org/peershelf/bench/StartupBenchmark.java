package org.peershelf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * Time from process start to "online and listening" for a headless peer: the server listens and the
 * device is in the registry's online list (the node prints ONLINE only then). Each run uses a new
 * profile, so it includes making the device key. Baseline: a JVM with the same class path printing
 * one line, measured alternately in the same run.
 */
public final class StartupBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        try (EmbeddedRegistryServer registry = EmbeddedRegistryServer.startInMemory()) {
            MongoRegistry.open(registry.connectionString()).close(); // migrations done before timing
            List<Double> peer = new ArrayList<>();
            List<Double> hello = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                hello.add(timeHello());
                peer.add(timePeer(registry.connectionString()));
            }
            System.out.println(Stats.format("JVM baseline (same class path, print, exit)", hello, "ms"));
            System.out.println(Stats.format("headless peer: start -> ONLINE", peer, "ms"));
            System.out.printf(Locale.ROOT, "ratio peer/baseline (medians): %.2f%n", Stats.median(peer) / Stats.median(hello));
        }
    }

    private static double timeHello() throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Hello.class.getName()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double timePeer(String registryUri) throws Exception {
        Path profile = Files.createTempDirectory("peershelf-bench-startup");
        long start = System.nanoTime();
        try (NodeProcess node = NodeProcess.start(List.of(), "--profile", profile.toString(), "--registry", registryUri,
                "--name", "Bench", "--status-every", "0")) {
            long online = node.when(line -> line.startsWith("ONLINE ")).get(60, TimeUnit.SECONDS);
            return (online - start) / 1e6;
        }
    }
}
