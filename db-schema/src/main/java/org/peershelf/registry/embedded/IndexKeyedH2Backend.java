package org.peershelf.registry.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its unique-index maps opened with {@link IndexKeyType}. The backend opens its
 * maps with H2's default type, and H2 hands out a map already open as it is, so each index map is opened here first:
 * all of a database's existing ones before the database opens them, and a new one (a new collection) just before.
 */
final class IndexKeyedH2Backend extends H2Backend {
    /** How mongo-java-server's H2 backend names a collection's index maps ({@code <db>.<collection>._index_<name>}). */
    static final String INDEX_MAP_INFIX = "._index_";

    IndexKeyedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // called from H2Backend's constructor too: only the store (set by then) is used here
        MVStore store = getMvStore();
        store.getMapNames().stream()
                .filter(name -> name.startsWith(databaseName + ".") && name.contains(INDEX_MAP_INFIX))
                .forEach(name -> openIndexMap(store, name));
        return new IndexKeyedDatabase(databaseName, store, this);
    }

    static MVMap<Object, Object> openIndexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<>().keyType(new IndexKeyType()));
    }

    private static final class IndexKeyedDatabase extends H2Database {
        /** Null while H2Database's constructor opens the existing indexes (opened above already). */
        private final MVStore store;

        IndexKeyedDatabase(String databaseName, MVStore store, IndexKeyedH2Backend backend) {
            super(databaseName, store, backend.getCursorRegistry());
            this.store = store;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            if (store != null) {
                openIndexMap(store, getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName);
            }
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
