package org.peershelf.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.resource.FileHasher;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.ManifestFile;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.repository.LocalRepository;

/**
 * Time to hash a resource on publish. Writes a file of random bytes (default 1 GiB) in /tmp, reads it once so all
 * runs see the page cache, then alternates: the baseline {@code sha256sum FILE} (one SHA-256, a separate process),
 * {@code FileHasher.hash} (file hash plus every 1 MiB chunk hash in one read: what a manifest needs), and
 * {@code LocalRepository.add} (the same pass also writing the repository's own copy, fsynced: what "add and
 * publish" costs), and {@code cp FILE COPY && sync COPY} (the disk's part of that, as a baseline for the add).
 * Everything it wrote is deleted at the end.
 *
 * <p>Usage: {@code HashBenchmark [MiB] [runs]}
 */
public final class HashBenchmark {
    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "peershelf-bench-hash");
        try {
            Path file = dir.resolve("data.bin");
            write(file, mib);
            long bytes = Files.size(file);
            String expected = sha256sum(file); // also warms the page cache
            List<Double> baseline = new ArrayList<>();
            List<Double> manifest = new ArrayList<>();
            List<Double> add = new ArrayList<>();
            List<Double> copy = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                String sum = sha256sum(file);
                baseline.add(seconds(t));
                check(expected, sum);

                t = System.nanoTime();
                ManifestFile entry = new FileHasher(Manifest.DEFAULT_CHUNK_SIZE).hash("data.bin", file);
                manifest.add(seconds(t));
                check(expected, entry.sha256());

                Path repoDir = dir.resolve("repo-" + i);
                t = System.nanoTime();
                Resource resource = new LocalRepository(repoDir).add(ResourceMetadata.of("Bench " + i, ResourceType.DATASET),
                        List.of(file));
                add.add(seconds(t));
                check(expected, resource.manifest().files().get(0).sha256());
                TempTrees.delete(repoDir);

                Path copied = dir.resolve("copy.bin");
                t = System.nanoTime();
                run("sh", "-c", "cp \"$0\" \"$1\" && sync \"$1\"", file.toString(), copied.toString());
                copy.add(seconds(t));
                Files.delete(copied);
            }
            System.out.printf(Locale.ROOT, "file: %d MiB of random bytes, %d runs each, alternating%n", mib, runs);
            print("sha256sum (baseline)", baseline, bytes);
            print("FileHasher.hash (file + chunk hashes)", manifest, bytes);
            print("LocalRepository.add (hash + copy + fsync)", add, bytes);
            print("cp + sync FILE (copy baseline)", copy, bytes);
            System.out.printf(Locale.ROOT, "ratio manifest/sha256sum throughput (medians): %.2f%n",
                    Stats.median(baseline) / Stats.median(manifest));
            System.out.printf(Locale.ROOT, "ratio add/(cp + sync) throughput (medians): %.2f%n",
                    Stats.median(copy) / Stats.median(add));
        } finally {
            TempTrees.delete(dir);
        }
    }

    private static void print(String label, List<Double> seconds, long bytes) {
        List<Double> mbps = seconds.stream().map(s -> bytes / s / 1e6).toList();
        System.out.println(Stats.format(label, mbps, "MB/s"));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void check(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("hash mismatch: " + expected + " vs " + actual);
        }
    }

    private static void write(Path file, int mib) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                for (int j = 0; j < block.length; j += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        block[j + k] = (byte) (v >>> (8 * k));
                    }
                }
                out.write(block);
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static String sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("sha256sum failed: " + out);
        }
        return out.split("\\s+")[0];
    }
}
