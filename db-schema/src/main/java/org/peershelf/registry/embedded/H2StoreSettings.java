package org.peershelf.registry.embedded;

/**
 * How the embedded registry opens its H2 file (an MVStore). The defaults were chosen by measurement on the Explore
 * search benchmark (docs/BENCHMARKS.md, "Explore search on H2: store settings, number blocks, longer prefixes";
 * decision 0008).
 *
 * <p>Compaction when closing was tried and left out: H2 compacts on close only below the store's own rate, and even
 * reopening the file with H2's rate to compact it gave no consistent gain (two runs of four short sessions rewriting
 * 2 MB five times each: 13 MB against 19 MB without, then 18 MB against 11 MB).
 *
 * @param autoCompactFillRate the file fill rate (percent of the file holding live data) below which H2's background
 *                            thread compacts while the registry runs; 0 turns background compaction off. H2's own
 *                            default, 90, kept a 2-core machine compacting all the time at the 74% a registry settles
 *                            at, and made 7–10 s reads fail with "Chunk … not found" in 3 of 5 benchmark runs.
 * @param cacheSizeMb         H2's page cache; pages are kept deserialized, so this is heap of the process
 */
public record H2StoreSettings(int autoCompactFillRate, int cacheSizeMb) {
    /** H2's default cache is 16 MB. */
    public static final H2StoreSettings DEFAULT = new H2StoreSettings(50, 16);

    public H2StoreSettings {
        if (autoCompactFillRate < 0 || autoCompactFillRate > 100) {
            throw new IllegalArgumentException("autoCompactFillRate is a percentage, not " + autoCompactFillRate);
        }
        if (cacheSizeMb < 0) {
            throw new IllegalArgumentException("cacheSizeMb must not be negative: " + cacheSizeMb);
        }
    }

    /** H2 2.3's own defaults, as {@code MVStore.open(file)} has them (for comparison in benchmarks). */
    public static H2StoreSettings h2Defaults() {
        return new H2StoreSettings(90, 16);
    }
}
