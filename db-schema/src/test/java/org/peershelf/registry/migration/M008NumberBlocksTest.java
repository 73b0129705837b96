package org.peershelf.registry.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;
import static org.peershelf.registry.TestDevices.device;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.RegistryServerTestCase;
import org.peershelf.registry.TestResources;
import org.peershelf.registry.mapping.ResourceDocuments;

/** Migration 8 on a registry indexed by migration 7 (no blocks yet): copies every number into its block, once. */
@Tag("integration")
class M008NumberBlocksTest extends RegistryServerTestCase {
    private static final int RESOURCES = 150;
    private String name;
    private MongoDatabase database;
    private MongoCollection<Document> index;

    @BeforeEach
    void registryOfTheVersionBefore() {
        name = registries.newDatabaseName();
        database = registries.database(name);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < RESOURCES; i++) {
            ResourceMetadata m = ResourceMetadata.builder("Resource " + i + (i % 5 == 0 ? " ocean" : " lattice"),
                    ResourceType.PAPER).year(2000 + i % 20).build();
            docs.add(ResourceDocuments.toDocument(TestResources.published(m, new UserId("u-" + i % 4), device(1),
                    NOW + i)));
        }
        database.getCollection(RegistryCollections.RESOURCES).insertMany(docs);
        List<Migration> before = Migrations.all().stream().filter(m -> m.number() < 8).toList();
        new MigrationRunner(before, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(database);
        index = database.getCollection(RegistryCollections.RESOURCE_INDEX);
        // this version's migration 7 already writes blocks; a registry of the version before has none
        index.deleteMany(new Document("_id", new Document("$regex", "^m:")));
    }

    @Test
    void migratingCopiesEveryNumberIntoItsBlockAndTwiceChangesNothing() {
        MigrationRunner.standard().run(database);
        Map<Integer, String> numbered = byPrefix("n:");
        List<Document> first = blocks();

        new M008NumberBlocks().apply(database);

        assertThat(numbered).hasSize(RESOURCES);
        assertThat(byPrefix("m:")).isEqualTo(numbered);
        assertThat(first).hasSize(3); // 150 numbers in blocks of 64
        assertThat(blocks()).isEqualTo(first);
    }

    @Test
    void afterMigratingSearchAnswersFromTheBlocksAlone() {
        MigrationRunner.standard().run(database);
        List<String> before;
        try (MongoRegistry registry = registries.openRegistry(name)) {
            before = titles(registry);
            index.deleteMany(new Document("_id", new Document("$regex", "^n:"))); // only the blocks can answer now
            assertThat(titles(registry)).hasSize(30).isEqualTo(before);
        }
    }

    private static List<String> titles(MongoRegistry registry) {
        return registry.search(ResourceQuery.text("ocean", FRESH_SINCE).withPage(0, 100)).hits().stream()
                .map(h -> h.published().resource().metadata().title()).toList();
    }

    private List<Document> blocks() {
        return index.find(new Document("_id", new Document("$regex", "^m:"))).sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    /** number → resource id, as the n: documents (prefix "n:") or the blocks ("m:") say. */
    private Map<Integer, String> byPrefix(String prefix) {
        Map<Integer, String> out = new TreeMap<>();
        index.find(new Document("_id", new Document("$regex", "^" + prefix))).forEach(d -> {
            int at = Integer.parseInt(d.getString("_id").substring(2));
            if (prefix.equals("n:")) {
                out.put(at, d.getString("r"));
            } else {
                d.forEach((field, value) -> {
                    if (field.startsWith("i")) {
                        out.put(at * 64 + Integer.parseInt(field.substring(1)), (String) value);
                    }
                });
            }
        });
        return out;
    }
}
