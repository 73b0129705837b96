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

/**
 * Migration 9 on a registry indexed with prefixes of up to 8 letters: adds the 9–12-letter ones, so that long query
 * words, now answered from the index alone, find what they find by scan; twice changes nothing.
 */
@Tag("integration")
class M009LongerWordPrefixesTest extends RegistryServerTestCase {
    /** A word or author-word key whose prefix is longer than 8 letters, any chunk. */
    private static final Document LONG_PREFIX_KEYS = new Document("_id", new Document("$regex", "^[wa]:[^#]{9,}#"));
    private String name;
    private MongoDatabase database;
    private MongoCollection<Document> index;

    @BeforeEach
    void registryOfTheVersionBefore() {
        name = registries.newDatabaseName();
        database = registries.database(name);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String title = "Resource " + i + (i % 3 == 0 ? " hydrodynamics" : " hydrodynamical") + (i % 4 == 0 ? " ocean" : "");
            ResourceMetadata m = ResourceMetadata.builder(title, ResourceType.PAPER)
                    .authors(List.of(i % 2 == 0 ? "Ada Wollstonecraft" : "Ada Lovelace")).year(2000 + i % 20).build();
            docs.add(ResourceDocuments.toDocument(TestResources.published(m, new UserId("u-" + i % 4), device(1),
                    NOW + i)));
        }
        database.getCollection(RegistryCollections.RESOURCES).insertMany(docs);
        List<Migration> before = Migrations.all().stream().filter(m -> m.number() < 9).toList();
        new MigrationRunner(before, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(database);
        index = database.getCollection(RegistryCollections.RESOURCE_INDEX);
        // this version's migration 7 writes the long prefixes already; the version before wrote up to 8 letters
        assertThat(index.deleteMany(LONG_PREFIX_KEYS).getDeletedCount()).isPositive();
    }

    @Test
    void afterMigratingLongQueryWordsFindWhatTheyMatch() {
        ResourceQuery hydrodynamics = ResourceQuery.text("hydrodynamics", FRESH_SINCE).withPage(0, 100);
        ResourceQuery hydrodynamic = ResourceQuery.text("hydrodynamic ocean", FRESH_SINCE).withPage(0, 100);
        // without the migration these exact queries would look up keys nobody wrote, and find nothing
        MigrationRunner.standard().run(database);
        try (MongoRegistry registry = registries.openRegistry(name)) {
            List<String> expected = new ArrayList<>();
            for (int i = 119; i >= 0; i -= 1) {
                if (i % 3 == 0) {
                    expected.add("Resource " + i + " hydrodynamics" + (i % 4 == 0 ? " ocean" : ""));
                }
            }
            assertThat(titles(registry, hydrodynamics)).isEqualTo(expected);
            assertThat(titles(registry, hydrodynamic)).hasSize(30).allMatch(t -> t.endsWith(" ocean"));
            assertThat(registry.search(ResourceQuery.all(FRESH_SINCE).withAuthor("wollstonecr")).total()).isEqualTo(60);
        }
    }

    @Test
    void migratingTwiceChangesNothing() {
        MigrationRunner.standard().run(database);
        List<Document> first = index.find(LONG_PREFIX_KEYS).sort(new Document("_id", 1)).into(new ArrayList<>());

        new M009LongerWordPrefixes().apply(database);

        assertThat(first).isNotEmpty().anyMatch(d -> d.getString("_id").startsWith("w:hydrodynamic#"));
        assertThat(index.find(LONG_PREFIX_KEYS).sort(new Document("_id", 1)).into(new ArrayList<>())).isEqualTo(first);
    }

    private static List<String> titles(MongoRegistry registry, ResourceQuery q) {
        return registry.search(q).hits().stream().map(h -> h.published().resource().metadata().title()).toList();
    }
}
