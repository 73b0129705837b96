package org.peershelf.registry.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend on an MVStore we opened, which on close first compacts the file for a bounded time:
 * with background compaction lowered (see {@link H2StoreSettings#autoCompactFillRate}) a quiet moment to give the
 * space of old chunks back is when the registry stops.
 */
final class CompactingH2Backend extends H2Backend {
    private final int closeCompactMillis;

    CompactingH2Backend(MVStore store, int closeCompactMillis) {
        super(store);
        this.closeCompactMillis = closeCompactMillis;
    }

    @Override
    public void close() {
        MVStore store = getMvStore();
        if (!store.isClosed()) {
            store.close(closeCompactMillis);
        }
        super.close(); // logs; closing a closed store does nothing
    }
}
