package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;
import static org.peershelf.registry.TestDevices.device;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.mapping.ResourceDocuments;

/** The word index gives exactly what the filter over every document gives, through publish, unpublish and rebuild. */
@Tag("integration")
class ResourceWordIndexTest {
    private static final String[] WORDS = {"protein", "proteome", "folding", "fold", "graph", "graphene", "network",
        "quantum", "qubit", "ocean", "oceanic", "émile", "zeta", "zebrafish", "cobol", "lattice", "lat", "xy"};
    private static final String[] AUTHORS = {"Grace Hopper", "G. Hopper", "Émile Borel", "Ada Lovelace", "Bob",
        "Jean-Luc Picard", "Hopperson"};
    private static TestRegistries registries;
    private String database;
    private MongoRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registries = TestRegistries.start(ResourceWordIndexTest.class);
    }

    @AfterAll
    static void stopRegistry() {
        registries.close();
    }

    @BeforeEach
    void openRegistry() {
        database = registries.newDatabaseName();
        registry = registries.openRegistry(database);
    }

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    @Test
    void indexedSearchFindsExactlyWhatTheFullScanFindsInTheSameOrder() {
        List<PublishedResource> published = publishRandom(new Random(1), 120);
        registry.unpublishResource(published.get(7).resource().id());
        registry.unpublishResource(published.get(50).resource().id());
        registry.publishResource(published.get(3)); // the outbox resending: nothing moves

        for (ResourceQuery q : queries()) {
            assertThat(ids(q)).as(q.toString()).isEqualTo(scanIds(q));
        }
    }

    @Test
    void unpublishRemovesFromResultsAndRepublishingBringsItBackInItsPlace() {
        PublishedResource a = publish(meta("Zebrafish lattice", "Grace Hopper", "cobol"), NOW);
        publish(meta("Zebrafish ocean", "Ada Lovelace", "cobol"), NOW + 1);
        ResourceQuery rare = ResourceQuery.text("zebrafish", FRESH_SINCE);

        registry.unpublishResource(a.resource().id());
        assertThat(titles(rare)).containsExactly("Zebrafish ocean");
        assertThat(titles(ResourceQuery.all(FRESH_SINCE).withAuthor("hopper"))).isEmpty();

        registry.publishResource(a);
        assertThat(titles(rare)).containsExactly("Zebrafish ocean", "Zebrafish lattice");
        assertThat(titles(ResourceQuery.all(FRESH_SINCE).withAuthor("hopper"))).containsExactly("Zebrafish lattice");
        assertThat(titles(ResourceQuery.all(FRESH_SINCE).withTag("COBOL").withOwner(new UserId("u-0"))))
                .containsExactly("Zebrafish ocean", "Zebrafish lattice");
    }

    @Test
    void authorFilterMatchesFromAWordStart() {
        publish(meta("One", "Grace Hopper", "t"), NOW);
        publish(meta("Two", "Hopperson", "t"), NOW + 1);

        assertThat(titles(ResourceQuery.all(FRESH_SINCE).withAuthor("hopper"))).containsExactly("Two", "One");
        assertThat(titles(ResourceQuery.all(FRESH_SINCE).withAuthor("grace hop"))).containsExactly("One");
        assertThat(titles(ResourceQuery.all(FRESH_SINCE).withAuthor("opper"))).isEmpty();
    }

    @Test
    void rebuildingForExistingResourcesGivesWhatPublishingWroteAndTwiceChangesNothing() {
        List<PublishedResource> published = publishRandom(new Random(2), 60);
        List<Document> written = snapshot();

        MongoDatabase db = registries.database(database);
        db.getCollection(RegistryCollections.RESOURCE_WORDS).drop();
        ResourceWordIndex.rebuild(db);
        List<Document> rebuilt = snapshot();
        ResourceWordIndex.rebuild(db);

        assertThat(rebuilt).isEqualTo(written);
        assertThat(snapshot()).isEqualTo(rebuilt);
        assertThat(ids(ResourceQuery.text("zebrafish", FRESH_SINCE)))
                .isEqualTo(scanIds(ResourceQuery.text("zebrafish", FRESH_SINCE)));
        assertThat(published).isNotEmpty();
    }

    @Test
    void aKeyWithMoreThanTheCapStopsGrowingAndSearchScansInstead() {
        MongoCollection<Document> resources = registries.database(database).getCollection(RegistryCollections.RESOURCES);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < ResourceWordIndex.CAP + 3; i++) {
            docs.add(ResourceDocuments.toDocument(TestResources.published(meta("Common " + i, "Bob", "t"),
                    new UserId("u-0"), device(1), NOW + i)));
        }
        resources.insertMany(docs);
        ResourceWordIndex.rebuild(registries.database(database));
        publish(meta("Common last", "Bob", "t"), NOW + 5_000); // a full list is not written to

        Document key = registries.database(database).getCollection(RegistryCollections.RESOURCE_WORDS)
                .find(new Document("_id", "w:common")).first();
        assertThat(key.getBoolean(ResourceWordIndex.FULL)).isTrue();
        assertThat(key.containsKey(ResourceWordIndex.IDS)).isFalse();
        assertThat(titles(ResourceQuery.text("common", FRESH_SINCE).withPage(0, 2)))
                .containsExactly("Common last", "Common " + (ResourceWordIndex.CAP + 2));
    }

    private List<ResourceQuery> queries() {
        List<ResourceQuery> qs = new ArrayList<>();
        ResourceQuery all = ResourceQuery.all(FRESH_SINCE).withPage(0, ResourceQuery.MAX_LIMIT);
        for (String w : WORDS) {
            qs.add(all.withText(w));
            qs.add(all.withText(w.substring(0, Math.min(w.length(), 4))));
            qs.add(all.withText(w + " ocean").withType(ResourceType.PAPER));
            qs.add(all.withText(w).withYears(2005, 2015));
            qs.add(all.withTag(w));
        }
        for (String a : AUTHORS) {
            qs.add(all.withAuthor(a));
            qs.add(all.withAuthor(a.substring(Math.max(0, a.length() - 4))));
        }
        qs.add(all.withAuthor("hop").withText("protein"));
        qs.add(all.withOwner(new UserId("u-3")));
        qs.add(all.withOwner(new UserId("u-3")).withText("fold").withPage(2, 3));
        qs.add(all.withText("protein").withPage(5, 4));
        qs.add(all.withText("nothingatall"));
        return qs;
    }

    private List<PublishedResource> publishRandom(Random r, int n) {
        List<PublishedResource> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder title = new StringBuilder("T" + i);
            for (int w = 0; w < 3; w++) {
                title.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
            }
            ResourceMetadata m = ResourceMetadata.builder(title.toString(), ResourceType.values()[r.nextInt(3)])
                    .authors(List.of(AUTHORS[r.nextInt(AUTHORS.length)])).year(2000 + r.nextInt(20))
                    .tags(List.of(WORDS[r.nextInt(WORDS.length)])).abstractText(WORDS[r.nextInt(WORDS.length)]).build();
            PublishedResource p = TestResources.published(m, new UserId("u-" + r.nextInt(5)), device(1), NOW - 1_000 + i);
            registry.publishResource(p);
            out.add(p);
        }
        return out;
    }

    private PublishedResource publish(ResourceMetadata m, long at) {
        PublishedResource p = TestResources.published(m, new UserId("u-0"), device(1), at);
        registry.publishResource(p);
        return p;
    }

    private static ResourceMetadata meta(String title, String author, String tag) {
        return ResourceMetadata.builder(title, ResourceType.PAPER).authors(List.of(author)).tags(List.of(tag)).build();
    }

    private List<String> titles(ResourceQuery q) {
        return registry.search(q).hits().stream().map(h -> h.published().resource().metadata().title()).toList();
    }

    private List<String> ids(ResourceQuery q) {
        var page = registry.search(q);
        List<String> ids = new ArrayList<>(page.hits().stream().map(h -> h.published().resource().id().hex()).toList());
        ids.add("total=" + page.total() + " exact=" + page.totalIsExact() + " more=" + page.hasMore());
        return ids;
    }

    /** The same query as the filter over every document in natural order: the search without the index. */
    private List<String> scanIds(ResourceQuery q) {
        List<String> all = new ArrayList<>();
        registries.database(database).getCollection(RegistryCollections.RESOURCES).find(ResourceFilters.of(q))
                .sort(new Document("$natural", -1)).projection(Projections.include("_id"))
                .forEach(d -> all.add(d.getString("_id")));
        List<String> ids = new ArrayList<>(all.subList(Math.min(all.size(), q.offset()),
                Math.min(all.size(), q.offset() + q.limit())));
        ids.add("total=" + all.size() + " exact=true more=" + (all.size() > q.offset() + q.limit()));
        return ids;
    }

    private List<Document> snapshot() {
        return registries.database(database).getCollection(RegistryCollections.RESOURCE_WORDS).find()
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
