package org.peershelf.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry file written by the stock H2 backend (H2's serializing key comparison and Java-serialized keys, as every
 * file before {@link IndexKeyType}) must be read back in full by {@link IndexKeyedH2Backend}, also once it holds keys
 * of both forms: both order the keys the same, so a B-tree search finds what the other wrote.
 */
@Tag("integration")
class IndexKeyedH2BackendTest {
    private static final int DOCUMENTS = 3_000;

    @TempDir
    Path folder;

    @Test
    void readsEveryIdTheStockBackendWroteAlsoNextToItsOwn() {
        Path file = folder.resolve("registry.mv.db");
        List<String> first = ids(new Random(1));
        List<String> second = ids(new Random(2)).stream().filter(id -> !first.contains(id)).toList();

        withServer(file, H2Backend::new, docs -> insert(docs, first));
        withServer(file, IndexKeyedH2Backend::new, docs -> {
            assertAllFound(docs, first);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", first.get(17))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            insert(docs, second);
            assertAllFound(docs, second);
        });
        withServer(file, IndexKeyedH2Backend::new, docs -> {
            assertAllFound(docs, first);
            assertAllFound(docs, second);
        });
    }

    @Test
    void indexMapsOfExistingAndNewCollectionsUseTheKeyType() {
        Path file = folder.resolve("registry.mv.db");
        withServer(file, IndexKeyedH2Backend::new, docs -> insert(docs, List.of("a", "b")));
        MVStore store = MVStore.open(file.toString());
        IndexKeyedH2Backend backend = new IndexKeyedH2Backend(store);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase("t").getCollection("later").insertOne(new Document("_id", "c"));
            List<String> indexMaps = store.getMapNames().stream()
                    .filter(name -> name.contains(IndexKeyedH2Backend.INDEX_MAP_INFIX)).toList();
            assertThat(indexMaps).containsExactlyInAnyOrder("t.docs._index__id_", "t.later._index__id_");
            indexMaps.forEach(name -> assertThat(store.openMap(name).getKeyType()).as(name)
                    .isInstanceOf(IndexKeyType.class));
            assertThat(client.getDatabase("t").getCollection("later").find(Filters.eq("_id", "c")).first()).isNotNull();
        } finally {
            server.shutdownNow();
        }
    }

    /** Registry-like ids of every length, and some the key type leaves to H2 (non-ASCII). */
    private static List<String> ids(Random random) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            StringBuilder id = new StringBuilder(i % 50 == 0 ? "é" : "");
            int length = 1 + random.nextInt(70);
            for (int c = 0; c < length; c++) {
                id.append((char) ('!' + random.nextInt(94)));
            }
            ids.add(id.toString());
        }
        return ids.stream().distinct().toList();
    }

    private static void insert(MongoCollection<Document> docs, List<String> ids) {
        List<Document> batch = new ArrayList<>();
        ids.forEach(id -> batch.add(new Document("_id", id).append("v", id.length())));
        docs.insertMany(batch);
    }

    private static void assertAllFound(MongoCollection<Document> docs, List<String> ids) {
        for (String id : ids) {
            assertThat(docs.find(Filters.eq("_id", id)).first()).as(id).isNotNull();
        }
        assertThat(docs.countDocuments(Filters.in("_id", ids))).isEqualTo(ids.size());
    }

    private static void withServer(Path file, Function<MVStore, MongoBackend> backendOf,
                                   Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backendOf.apply(MVStore.open(file.toString())));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            use.accept(client.getDatabase("t").getCollection("docs"));
        } finally {
            server.shutdown();
        }
    }
}
