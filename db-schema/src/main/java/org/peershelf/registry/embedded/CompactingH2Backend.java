package org.peershelf.registry.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend on an MVStore we opened, which after closing compacts the file for a bounded time:
 * with background compaction lowered (see {@link H2StoreSettings#autoCompactFillRate}) the quiet moment to give the
 * space of old chunks back is when the registry stops.
 *
 * <p>H2 compacts on close only below the store's own {@code autoCompactFillRate} (file fill rate, which counts the
 * chunks still kept for its 45 s retention as full), so the file is reopened briefly with H2's default rate,
 * {@value #CLOSE_FILL_RATE}, and closed with the time allowed. Measured (H2StoreSettingsTest): after four short
 * sessions each rewriting 2 MB five times, 13 MB against 19 MB with no compaction; it shrinks, but does not undo
 * what the 45 s retention kept. In a long-running registry H2's reuse of freed chunks and its own compaction below
 * the store's rate are what bound the file.
 */
final class CompactingH2Backend extends H2Backend {
    static final int CLOSE_FILL_RATE = 90;
    private static final Logger LOG = LoggerFactory.getLogger(CompactingH2Backend.class);

    private final int closeCompactMillis;

    CompactingH2Backend(MVStore store, int closeCompactMillis) {
        super(store);
        this.closeCompactMillis = closeCompactMillis;
    }

    @Override
    public void close() {
        MVStore store = getMvStore();
        boolean wasOpen = !store.isClosed();
        FileStore<?> fileStore = store.getFileStore();
        String fileName = fileStore == null ? null : fileStore.getFileName();
        super.close();
        if (wasOpen && fileName != null && closeCompactMillis > 0) {
            compact(fileName);
        }
    }

    private void compact(String fileName) {
        long start = System.nanoTime();
        try {
            MVStore again = new MVStore.Builder().fileName(fileName).autoCompactFillRate(CLOSE_FILL_RATE).open();
            again.close(closeCompactMillis);
            LOG.debug("Compacted {} in {} ms", fileName, (System.nanoTime() - start) / 1_000_000);
        } catch (MVStoreException e) {
            // the data is already flushed and closed; an uncompacted file is only larger
            LOG.warn("The registry file {} was closed but could not be compacted: {}", fileName, e.getMessage());
        }
    }
}
