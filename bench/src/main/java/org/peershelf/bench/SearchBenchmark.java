package org.peershelf.bench;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.FileHasher;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.ManifestFile;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.ResourceIndex;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;
import org.peershelf.registry.embedded.H2StoreSettings;
import org.peershelf.registry.mapping.HolderDocuments;
import org.peershelf.registry.mapping.ResourceDocuments;

/**
 * Explore search latency over N published resources (default 100,000) in the embedded registry, through
 * {@code MongoRegistry.search} over TCP with the real driver, as a peer sees it (page of 50, total, availability).
 * Resources are generated from a fixed seed: titles, authors, tags and abstracts drawn from a 5,000-word vocabulary
 * with a Zipf-like skew, one holder each among 200 devices of which 50 are online. They are bulk-inserted as the
 * documents {@code publishResource} and {@code addHolder} write (one by one would only make the set-up slower). Baseline in the same run:
 * the plain {@code find().limit(50)} of the first 50 documents without filters, availability or count, and the
 * search as it was before the index for one rare word (a regex scan in natural order). The index is built
 * after the bulk load the way migration 7 builds it; 20 publishes through the registry then time a publish with it.
 *
 * <p>Usage: {@code SearchBenchmark [count] [memory|h2] [queriesPerKind] [h2 file to keep]}. With a file (h2 only),
 * a first run loads and indexes into it and leaves it; a later run with the same count reopens it and goes straight to
 * the queries (the load and the 7-minute index build are then skipped and not reported), which is how one iterates on
 * the search itself. Its 20 publishes are always new resources. Delete the file (GBs) when done.
 */
public final class SearchBenchmark {
    private static final long NOW = 1_800_000_000_000L;

    /** Bytes allocated so far by all live threads (the server's threads are in this JVM too). */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String backend = args.length > 1 ? args[1] : "memory";
        int perKind = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path kept = args.length > 3 && backend.equals("h2") ? Path.of(args[3]).toAbsolutePath() : null;
        boolean reused = kept != null && Files.exists(kept);
        Path dir = kept != null ? null : Files.createTempDirectory("peershelf-bench-search");
        H2StoreSettings h2 = h2Settings();
        if (backend.equals("h2")) {
            System.out.println("H2 store: " + h2);
        }
        try (EmbeddedRegistryServer server = backend.equals("h2")
                ? EmbeddedRegistryServer.startOnFile(kept != null ? kept : dir.resolve("registry.mv.db"), "127.0.0.1", 0, h2)
                : EmbeddedRegistryServer.startInMemory();
             MongoRegistry registry = MongoRegistry.open(server.connectionString(), "bench");
             MongoClient client = MongoClients.create(server.connectionString())) {
            Corpus corpus = new Corpus(new Random(42));
            MongoCollection<Document> resources = client.getDatabase("bench").getCollection(RegistryCollections.RESOURCES);
            int listed = count;
            if (reused) {
                // the generator past as many resources as are listed, so that the 20 publishes below are new ones
                // the count command, not countDocuments: the embedded server answers that by materialising every
                // document (over 512 MB of heap at 100,000), which is the benchmark's set-up, not a search
                listed = (int) resources.estimatedDocumentCount();
                for (int i = 0; i < listed; i++) {
                    corpus.resource(i);
                    corpus.random.nextInt(200);
                }
                System.out.printf(Locale.ROOT, "reopened %s: %,d resources, %,d MB%n", kept, listed,
                        Files.size(kept) / 1_000_000);
            } else {
                long t0 = System.nanoTime();
                load(client, corpus, count);
                System.out.printf(Locale.ROOT, "loaded %,d resources (%s backend) in %.1f s%n", count, backend,
                        (System.nanoTime() - t0) / 1e9);
                long heapBefore = heapAfterGc();
                long t1 = System.nanoTime();
                ResourceIndex.rebuild(client.getDatabase("bench")); // what migration 7 does for existing resources
                System.out.printf(Locale.ROOT, "built the index (migration 7) in %.1f s: %,d documents, +%,d MB heap%n",
                        (System.nanoTime() - t1) / 1e9,
                        client.getDatabase("bench").getCollection(RegistryCollections.RESOURCE_INDEX).countDocuments(),
                        (heapAfterGc() - heapBefore) / 1_000_000);
            }
            announce(registry);
            List<Double> publishes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                PublishedResource p = corpus.resource(listed + i);
                long b = System.nanoTime();
                registry.publishResource(p);
                publishes.add((System.nanoTime() - b) / 1e6);
            }
            System.out.printf(Locale.ROOT, "publishResource with the index: p50 %.1f ms  p95 %.1f ms (n=20)%n",
                    Stats.median(publishes), Stats.percentile(publishes, 95));
            long fresh = NOW - 6_000;
            Random pick = new Random(7);
            List<String[]> kinds = List.of(
                    new String[]{"newest page, no filter"},
                    new String[]{"one common word", "broad"},
                    new String[]{"one rare word", "narrow"},
                    new String[]{"two words", "combined"},
                    new String[]{"word prefix (3 letters)", "broad"},
                    new String[]{"type + year range", "broad"},
                    new String[]{"word + type + year range", "combined"},
                    new String[]{"author filter", "narrow"},
                    new String[]{"tag filter", "narrow"},
                    new String[]{"browse one user", "narrow"},
                    new String[]{"page 5 of a common word", "broad"},
                    new String[]{"rare word prefix (5 letters)", "narrow"},
                    new String[]{"no match (typo)", "narrow"});
            List<Function<Random, ResourceQuery>> makers = List.of(
                    r -> ResourceQuery.all(fresh),
                    r -> ResourceQuery.text(corpus.common(r), fresh),
                    r -> ResourceQuery.text(corpus.rare(r), fresh),
                    r -> ResourceQuery.text(corpus.common(r) + " " + corpus.word(r), fresh),
                    r -> ResourceQuery.text(corpus.common(r).substring(0, 3), fresh),
                    r -> ResourceQuery.all(fresh).withType(ResourceType.values()[r.nextInt(6)])
                            .withYears(2000 + r.nextInt(10), 2015 + r.nextInt(10)),
                    r -> ResourceQuery.text(corpus.common(r), fresh).withType(ResourceType.PAPER).withYears(2005, 2020),
                    r -> ResourceQuery.all(fresh).withAuthor(corpus.surname(r)),
                    r -> ResourceQuery.all(fresh).withTag(corpus.word(r)),
                    r -> ResourceQuery.all(fresh).withOwner(new UserId("user-" + r.nextInt(500))),
                    r -> ResourceQuery.text(corpus.common(r), fresh).withPage(200, 50),
                    r -> {
                        String w = corpus.rare(r);
                        return ResourceQuery.text(w.substring(0, Math.min(5, w.length())), fresh);
                    },
                    r -> ResourceQuery.text(corpus.rare(r) + "xq", fresh));
            // warm-up: JIT on both sides
            for (int i = 0; i < 20; i++) {
                registry.search(makers.get(i % makers.size()).apply(pick));
            }
            List<Double> all = new ArrayList<>();
            List<Double> narrow = new ArrayList<>();
            List<Double> broad = new ArrayList<>();
            List<Double> combined = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            List<Double> scan = new ArrayList<>();
            List<String> slow = new ArrayList<>();
            long queriesFrom = ManagementFactory.getRuntimeMXBean().getUptime();
            long allocated = 0;
            for (int k = 0; k < makers.size(); k++) {
                List<Double> samples = new ArrayList<>();
                long hits = 0;
                for (int i = 0; i < perKind; i++) {
                    ResourceQuery q = makers.get(k).apply(pick);
                    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
                    long allocatedBefore = allocatedBytes();
                    long start = System.nanoTime();
                    hits += registry.search(q).total();
                    double ms = (System.nanoTime() - start) / 1e6;
                    allocated += allocatedBytes() - allocatedBefore;
                    samples.add(ms);
                    if (ms > 100) { // to line up with -Xlog:gc (same uptime clock) and the store's background work
                        slow.add(String.format(Locale.ROOT, "  %.0f ms at %.3f s: %s [%s]", ms, uptime / 1e3,
                                kinds.get(k)[0], q.text()));
                    }
                    long b = System.nanoTime();
                    resources.find().limit(50).into(new ArrayList<>());
                    baseline.add((System.nanoTime() - b) / 1e6);
                }
                all.addAll(samples);
                String kind = kinds.get(k).length > 1 ? kinds.get(k)[1] : "broad";
                (kind.equals("narrow") ? narrow : kind.equals("combined") ? combined : broad).addAll(samples);
                System.out.printf(Locale.ROOT, "%-30s p50 %7.1f ms  p95 %7.1f ms  (mean matches %,d)%n", kinds.get(k)[0],
                        Stats.median(samples), Stats.percentile(samples, 95), hits / perKind);
            }
            System.out.printf(Locale.ROOT, "%-30s p50 %7.1f ms  p95 %7.1f ms  (n=%d)%n", "NARROW KINDS",
                    Stats.median(narrow), Stats.percentile(narrow, 95), narrow.size());
            System.out.printf(Locale.ROOT, "%-30s p50 %7.1f ms  p95 %7.1f ms  (n=%d)%n", "COMBINED KINDS",
                    Stats.median(combined), Stats.percentile(combined, 95), combined.size());
            System.out.printf(Locale.ROOT, "%-30s p50 %7.1f ms  p95 %7.1f ms  (n=%d)%n", "BROAD KINDS",
                    Stats.median(broad), Stats.percentile(broad, 95), broad.size());
            System.out.printf(Locale.ROOT, "%-30s p50 %7.1f ms  p95 %7.1f ms  (n=%d)%n", "ALL KINDS", Stats.median(all),
                    Stats.percentile(all, 95), all.size());
            System.out.printf(Locale.ROOT, "%-30s p50 %7.1f ms  p95 %7.1f ms%n", "baseline find().limit(50)",
                    Stats.median(baseline), Stats.percentile(baseline, 95));
            // what drives G1's heap growth, the cause of the stalls on H2 (BENCHMARKS, "the stall windows")
            System.out.printf(Locale.ROOT, "allocated by the JVM (server and client) during the timed searches: %,d MB, "
                    + "%,d KB per search%n", allocated / 1_000_000, allocated / 1_000 / all.size());
            System.out.printf(Locale.ROOT, "timed searches ran from %.3f s to %.3f s of JVM uptime%n", queriesFrom / 1e3,
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
            System.out.println("searches over 100 ms (JVM uptime at their start):");
            slow.forEach(System.out::println);
            // the search before the index: one regex scan for a rare word, natural order, 1,000 ids (on the H2
            // backend each reads and sorts every document first: seconds, so fewer of them)
            // -Dbench.scans=0 skips them when only the indexed search is being compared (each takes 6-10 s on H2)
            int scans = Integer.getInteger("bench.scans", backend.equals("h2") ? Math.min(perKind, 5) : perKind);
            for (int i = 0; i < scans; i++) {
                Document filter = new Document(ResourceDocuments.SEARCH_TEXT,
                        new Document("$regex", " " + corpus.rare(pick)));
                long b = System.nanoTime();
                try {
                    resources.find(filter).sort(new Document("$natural", -1))
                            .projection(new Document(ResourceDocuments.ID, 1)).limit(1000).into(new ArrayList<>());
                    scan.add((System.nanoTime() - b) / 1e6);
                } catch (MongoException e) {
                    // seen on H2 under its default background compaction: "Chunk 537 not found" in a long scan
                    System.out.printf(Locale.ROOT, "baseline scan FAILED after %.0f ms: %s%n",
                            (System.nanoTime() - b) / 1e6, e.getMessage());
                }
            }
            System.out.printf(Locale.ROOT, "%-30s p50 %7.1f ms  p95 %7.1f ms  (n=%d)%n",
                    "baseline rare-word scan (no index)", Stats.median(scan), Stats.percentile(scan, 95), scan.size());
            System.out.printf(Locale.ROOT, "heap in use after GC, end of run (server, H2 cache and client): %,d MB%n",
                    heapAfterGc() / 1_000_000);
        } finally {
            if (dir != null) {
                TempTrees.delete(dir); // an H2 run leaves a 2.5 GB file otherwise
            } else if (kept != null) {
                System.out.printf(Locale.ROOT, "H2 file after close: %,d MB%n", Files.size(kept) / 1_000_000);
            }
        }
    }

    /**
     * The H2 store's settings: the registry's defaults, or each overridden by a system property
     * ({@code -Dh2.fill=90 -Dh2.cache=16} are H2's own defaults), to compare settings on one file.
     */
    private static H2StoreSettings h2Settings() {
        H2StoreSettings d = H2StoreSettings.DEFAULT;
        return new H2StoreSettings(Integer.getInteger("h2.fill", d.autoCompactFillRate()),
                Integer.getInteger("h2.cache", d.cacheSizeMb()));
    }

    private static void load(MongoClient client, Corpus corpus, int count) {
        var db = client.getDatabase("bench");
        MongoCollection<Document> resources = db.getCollection(RegistryCollections.RESOURCES);
        MongoCollection<Document> holders = db.getCollection(RegistryCollections.HOLDERS);
        List<Document> batch = new ArrayList<>();
        List<Document> holderBatch = new ArrayList<>();
        Random r = corpus.random;
        for (int i = 0; i < count; i++) {
            PublishedResource p = corpus.resource(i);
            DeviceId holder = device(r.nextInt(200));
            batch.add(ResourceDocuments.toDocument(p).append(ResourceDocuments.HOLDER_IDS, List.of(holder.value())));
            holderBatch.add(HolderDocuments.keyOf(p.resource().id(), holder)
                    .append(HolderDocuments.RESOURCE_ID, p.resource().id().hex())
                    .append(HolderDocuments.DEVICE_ID, holder.value()).append(HolderDocuments.SINCE, NOW)
                    .append(HolderDocuments.UPDATED_AT, NOW));
            if (batch.size() == 1000) {
                resources.insertMany(batch, new InsertManyOptions().ordered(false));
                holders.insertMany(holderBatch, new InsertManyOptions().ordered(false));
                batch.clear();
                holderBatch.clear();
            }
        }
        if (!batch.isEmpty()) {
            resources.insertMany(batch);
            holders.insertMany(holderBatch);
        }
    }

    private static void announce(MongoRegistry registry) {
        for (int d = 0; d < 50; d++) {
            registry.announce(new OnlineDevice(device(d), new UserId("user-" + d), "127.0.0.1", 40_000 + d, 1, NOW,
                    java.util.Set.of()));
        }
    }

    /** Heap in use after a collection: server and client share this JVM, so the difference is mostly the index. */
    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    static DeviceId device(int n) {
        return DeviceId.of(String.format("%040x", n + 1));
    }

    /** Deterministic synthetic bibliography. */
    static final class Corpus {
        final Random random;
        private final String[] words = new String[5000];
        private final String[] surnames = new String[2000];

        Corpus(Random random) {
            this.random = random;
            for (int i = 0; i < words.length; i++) {
                words[i] = pronounceable(random, 4 + random.nextInt(6));
            }
            for (int i = 0; i < surnames.length; i++) {
                String s = pronounceable(random, 5 + random.nextInt(4));
                surnames[i] = Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
        }

        private static String pronounceable(Random r, int length) {
            String consonants = "bcdfghklmnprstvz";
            String vowels = "aeiou";
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append(i % 2 == 0 ? consonants.charAt(r.nextInt(consonants.length()))
                        : vowels.charAt(r.nextInt(vowels.length())));
            }
            return b.toString();
        }

        /** Zipf-like: low indexes much more often. */
        String word(Random r) {
            double u = r.nextDouble();
            return words[(int) (Math.pow(u, 3) * words.length)];
        }

        String common(Random r) {
            return words[r.nextInt(50)];
        }

        String rare(Random r) {
            return words[4000 + r.nextInt(1000)];
        }

        String surname(Random r) {
            return surnames[r.nextInt(surnames.length)];
        }

        PublishedResource resource(int i) {
            Random r = random;
            List<String> title = new ArrayList<>();
            for (int w = 0, n = 5 + r.nextInt(6); w < n; w++) {
                title.add(word(r));
            }
            List<String> authors = new ArrayList<>();
            for (int a = 0, n = 1 + r.nextInt(4); a < n; a++) {
                authors.add(Character.toUpperCase(word(r).charAt(0)) + ". " + surname(r));
            }
            List<String> tags = List.of(word(r), word(r));
            StringBuilder abs = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                abs.append(word(r)).append(' ');
            }
            ResourceMetadata m = ResourceMetadata.builder(String.join(" ", title), ResourceType.values()[r.nextInt(6)])
                    .authors(authors).tags(tags).year(1990 + r.nextInt(36)).abstractText(abs.toString())
                    .doi(r.nextInt(3) == 0 ? "10." + (1000 + r.nextInt(9000)) + "/" + i : null).build();
            byte[] content = ("resource " + i).getBytes(StandardCharsets.UTF_8);
            String hash = FileHasher.sha256Hex(content, 0, content.length);
            Resource resource = Resource.of(m, new Manifest(Manifest.DEFAULT_CHUNK_SIZE,
                    List.of(new ManifestFile("file.pdf", content.length, hash, List.of(hash)))));
            return new PublishedResource(resource, new UserId("user-" + r.nextInt(500)), device(r.nextInt(200)),
                    NOW - (long) i * 1000);
        }
    }
}
