package org.peershelf.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.peershelf.protocol.registry.ResourcePage;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;
import org.peershelf.registry.embedded.H2StoreSettings;

/**
 * Explore queries made only of 1–2-letter words, which the search index has no key for, on a kept H2 registry file
 * (one {@link SearchBenchmark} built: its database is {@code bench}). Alternates a two-letter prefix common in that
 * corpus ("ka") with one that matches nothing ("zq"); prints time, total and what the JVM allocated per search.
 *
 * <p>Usage: {@code ShortWordSearchBenchmark <h2 file> [rounds=3]}
 */
public final class ShortWordSearchBenchmark {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startOnFile(file, "127.0.0.1", 0,
                H2StoreSettings.DEFAULT);
             MongoRegistry registry = MongoRegistry.open(server.connectionString(), "bench")) {
            for (int i = 0; i < rounds; i++) {
                for (String word : new String[] {"ka", "zq"}) {
                    long allocatedBefore = SearchBenchmark.allocatedBytes();
                    long start = System.nanoTime();
                    ResourcePage page = registry.search(ResourceQuery.text(word, 0));
                    System.out.printf(Locale.ROOT, "%s: %,d ms, total %d, %,d MB allocated%n", word,
                            (System.nanoTime() - start) / 1_000_000, page.total(),
                            (SearchBenchmark.allocatedBytes() - allocatedBefore) / 1_000_000);
                }
            }
        }
        System.exit(0);
    }
}
