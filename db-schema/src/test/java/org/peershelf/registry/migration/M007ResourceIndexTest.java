package org.peershelf.registry.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;
import static org.peershelf.registry.TestDevices.device;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceHit;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.RegistryCollections;
import org.peershelf.registry.RegistryServerTestCase;
import org.peershelf.registry.TestResources;
import org.peershelf.registry.mapping.ResourceDocuments;

/** Migration 7 on a registry listed before it: builds the index, drops migration 5's, and twice changes nothing. */
@Tag("integration")
class M007ResourceIndexTest extends RegistryServerTestCase {
    private String name;
    private MongoDatabase database;

    @BeforeEach
    void registryOfTheVersionBefore() {
        name = registries.newDatabaseName();
        database = registries.database(name);
        List<Migration> before = Migrations.all().stream().filter(m -> m.number() < 7).toList();
        new MigrationRunner(before, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(database);
        List<Document> docs = new ArrayList<>();
        Object tombstoned = null;
        for (int i = 0; i < 300; i++) {
            ResourceMetadata m = ResourceMetadata.builder("Resource " + i + (i % 7 == 0 ? " ocean" : " lattice"),
                    ResourceType.values()[i % 3]).authors(List.of("Ada Lovelace")).year(2000 + i % 20).build();
            docs.add(ResourceDocuments.toDocument(TestResources.published(m, new UserId("u-" + i % 4), device(1),
                    NOW + i)));
            tombstoned = i == 14 ? docs.get(i).get(ResourceDocuments.ID) : tombstoned;
        }
        // stored out of publishing order, as the H2 backend (by _id) or a real MongoDB may keep them
        Collections.shuffle(docs, new Random(7));
        database.getCollection(RegistryCollections.RESOURCES).insertMany(docs);
        database.getCollection(RegistryCollections.RESOURCES).updateOne(
                new Document(ResourceDocuments.ID, tombstoned),
                ResourceDocuments.tombstoneUpdate());
        org.peershelf.registry.ResourceWordIndex.rebuild(database); // what migration 5 left
    }

    @Test
    void migratingTwiceChangesNothing() {
        MigrationRunner.standard().run(database);
        List<Document> first = snapshot();

        new M007ResourceIndex().apply(database);

        assertThat(first).isNotEmpty();
        assertThat(snapshot()).isEqualTo(first);
    }

    @Test
    void migratingIndexesEveryListedResourceInPublishingOrderAndDropsTheWordIndex() {
        MigrationRunner.standard().run(database);

        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .contains(RegistryCollections.RESOURCE_INDEX).doesNotContain(RegistryCollections.RESOURCE_WORDS);
        try (MongoRegistry registry = registries.openRegistry(name)) {
            List<String> titles = registry.search(ResourceQuery.text("ocean", FRESH_SINCE)
                            .withType(ResourceType.PAPER).withYears(2001, 2019).withPage(0, 200)).hits().stream()
                    .map(ResourceHit::published).map(PublishedResource::resource).map(r -> r.metadata().title())
                    .toList();
            List<String> expected = new ArrayList<>();
            for (int i = 299; i >= 0; i--) {
                if (i % 7 == 0 && i % 3 == 0 && i % 20 >= 1 && i != 14) {
                    expected.add("Resource " + i + " ocean");
                }
            }
            assertThat(titles).isNotEmpty().containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aCatalogueStoredOutOfPublishingOrderIsWrittenOneChunkAtATime() {
        // past one chunk of 16,384 numbers, stored shuffled: fed in storage order, the build wrote a part for nearly
        // every resource (thousands of one-offset fields per chunk of a common key) and took three times as long
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 16_384 + 200; i++) { // PostingChunk.SIZE + 200
            String id = String.format("%064x", i + 1_000);
            docs.add(new Document(ResourceDocuments.ID, id).append(ResourceDocuments.RESOURCE_ID, id)
                    .append(ResourceDocuments.PUBLISHED_AT, NOW + i)
                    .append(ResourceDocuments.KEYWORDS, List.of("common")));
        }
        Collections.shuffle(docs, new Random(3));
        database.getCollection(RegistryCollections.RESOURCES).insertMany(docs);

        MigrationRunner.standard().run(database);

        for (String chunk : List.of("x:all#0", "x:all#1", "w:common#0")) {
            Document doc = database.getCollection(RegistryCollections.RESOURCE_INDEX)
                    .find(new Document("_id", chunk)).first();
            assertThat(doc.keySet().stream().filter(f -> f.startsWith("b"))).as(chunk).containsExactly("b0");
        }
    }

    private List<Document> snapshot() {
        return database.getCollection(RegistryCollections.RESOURCE_INDEX).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }
}
