package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;
import static org.peershelf.registry.TestDevices.device;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.mapping.ResourceDocuments;

/**
 * The index gives exactly what the filter over every document gives (same hits, same order, same totals), through
 * the migration's build, publish, unpublish, re-listing, chunk boundaries, dense keys and concurrent publishers.
 */
@Tag("integration")
class ResourceIndexTest extends RegistryTestCase {
    private static final String[] WORDS = {"protein", "proteome", "folding", "fold", "graph", "graphene", "network",
        "quantum", "qubit", "ocean", "oceanic", "émile", "zeta", "zebrafish", "cobol", "lattice", "lat", "xy"};
    private static final String[] AUTHORS = {"Grace Hopper", "G. Hopper", "Émile Borel", "Ada Lovelace", "Bob",
        "Jean-Luc Picard", "Hopperson"};

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

    /**
     * Property: on a generated catalogue with skewed words (some in most resources, some in a handful), listed partly
     * before the index existed (the migration numbers and indexes them) and partly through publish, with
     * tombstones and re-listings, every query of every kind, alone and combined, answers like the scan.
     */
    @Test
    void randomQueriesOnAGeneratedCatalogueAnswerLikeTheScan() {
        Random r = new Random(11);
        List<PublishedResource> all = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            PublishedResource p = generated(r, i);
            all.add(p);
            docs.add(ResourceDocuments.toDocument(p));
        }
        MongoDatabase db = registries.database(database);
        db.getCollection(RegistryCollections.RESOURCES).insertMany(docs);
        ResourceIndex.rebuild(db); // what migration 7 does for resources listed before it
        for (int i = 400; i < 550; i++) {
            PublishedResource p = generated(r, i);
            all.add(p);
            registry.publishResource(p);
        }
        List<PublishedResource> unpublished = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            unpublished.add(all.get(r.nextInt(all.size())));
            registry.unpublishResource(unpublished.get(i).resource().id());
        }
        for (int i = 0; i < 5; i++) {
            registry.publishResource(unpublished.get(i)); // listed again: back in its place
            registry.publishResource(all.get(r.nextInt(all.size()))); // the outbox resending: nothing moves
        }

        for (int i = 0; i < 200; i++) {
            ResourceQuery q = randomQuery(r);
            assertThat(ids(q)).as(q.toString()).isEqualTo(scanIds(q));
        }
    }

    @Test
    void numbersAcrossAChunkBoundaryAnswerLikeTheScan() {
        MongoCollection<Document> index = registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX);
        index.updateOne(new Document("_id", ListingNumbers.COUNTER_ID),
                new Document("$set", new Document(ListingNumbers.NUMBER, PostingChunk.SIZE - 15)));
        List<PublishedResource> published = publishRandom(new Random(3), 40);

        assertThat(index.find(new Document("_id", "ty:paper#1")).first()).isNotNull();
        for (ResourceQuery q : queries()) {
            assertThat(ids(q)).as(q.toString()).isEqualTo(scanIds(q));
        }
        assertThat(published).hasSize(40);
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
    void rebuildingGivesWhatPublishingWroteAndTwiceChangesNothing() {
        publishRandom(new Random(2), 60);
        Map<String, TreeSet<String>> written = listed();
        MongoDatabase db = registries.database(database);
        db.getCollection(RegistryCollections.RESOURCE_INDEX).drop();

        ResourceIndex.rebuild(db);
        List<Document> rebuilt = snapshot();
        ResourceIndex.rebuild(db);

        assertThat(listed()).isEqualTo(written);
        assertThat(snapshot()).isEqualTo(rebuilt);
        assertThat(ids(ResourceQuery.text("zebrafish", FRESH_SINCE)))
                .isEqualTo(scanIds(ResourceQuery.text("zebrafish", FRESH_SINCE)));
    }

    @Test
    void aKeyOfMostResourcesBecomesABitmapAndStillAnswersExactly() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            docs.add(ResourceDocuments.toDocument(TestResources.published(meta("Common " + i, "Bob", "t" + i % 3),
                    new UserId("u-0"), device(1), NOW + i)));
        }
        registries.database(database).getCollection(RegistryCollections.RESOURCES).insertMany(docs);
        ResourceIndex.rebuild(registries.database(database));
        publish(meta("Common last", "Bob", "t0"), NOW + 5_000); // a read-modify-write of the bitmap

        Document key = registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX)
                .find(new Document("_id", "w:common#0")).first();
        assertThat(((Binary) key.get("b0")).getData()).hasSize(1 + PostingChunk.BITMAP_BYTES);
        assertThat(Postings.offsets(key).cardinality()).isEqualTo(1_101);
        assertThat(titles(ResourceQuery.text("common", FRESH_SINCE).withPage(0, 2)))
                .containsExactly("Common last", "Common 1099");
        for (ResourceQuery q : List.of(ResourceQuery.text("common", FRESH_SINCE).withPage(1_000, 50),
                ResourceQuery.text("common", FRESH_SINCE).withTag("t1"), ResourceQuery.text("comm 10", FRESH_SINCE))) {
            assertThat(ids(q)).as(q.toString()).isEqualTo(scanIds(q));
        }
    }

    @Test
    void peersPublishingAtOnceLoseNoEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int peer = t;
                runs.add(pool.submit(() -> {
                    try (MongoRegistry own = registries.openRegistry(database)) {
                        for (int i = 0; i < 30; i++) { // past Postings.FOLD_AT: folds race too
                            own.publishResource(TestResources.published(meta("Shared ocean " + peer + "-" + i,
                                    "Ada Lovelace", "cobol"), new UserId("u-" + peer), device(1), NOW + i));
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        ResourceQuery q = ResourceQuery.text("shared ocean", FRESH_SINCE).withPage(0, ResourceQuery.MAX_LIMIT);
        assertThat(registry.search(q).total()).isEqualTo(90);
        Document shared = registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX)
                .find(new Document("_id", "w:shared#0")).first();
        assertThat(shared.keySet()).anyMatch(field -> field.startsWith("f")); // the array was folded into bytes
        assertThat(Postings.offsets(shared).cardinality()).isEqualTo(90);
        // publishes racing from several peers may be listed in another order than they were numbered (decision 0003)
        assertThat(ids(q)).containsExactlyInAnyOrderElementsOf(scanIds(q));
        // the claimers filled one block (m:0, m:1) at once: every number's copy is there and agrees with n:
        Map<Integer, String> numbered = numberDocuments();
        assertThat(numbered).hasSizeGreaterThanOrEqualTo(90);
        assertThat(blockEntries()).isEqualTo(numbered);
    }

    @Test
    void aPageOfNeighbouringNumbersIsReadFromItsBlock() {
        publishRandom(new Random(5), 40);
        ResourceQuery q = ResourceQuery.all(FRESH_SINCE).withPage(0, ResourceQuery.MAX_LIMIT);
        List<String> before = ids(q);
        // without the n: documents only the blocks can name the numbers
        registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX)
                .deleteMany(new Document("_id", new Document("$regex", "^n:")));

        assertThat(ids(q)).hasSize(41).isEqualTo(before);
    }

    @Test
    void aNumberMissingFromItsBlockIsReadFromItsNumberDocument() {
        publishRandom(new Random(6), 150); // blocks m:0, m:1 and m:2
        MongoCollection<Document> index = registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX);
        // as after a crash between the claim and its copy, or before migration 8
        index.deleteOne(new Document("_id", "m:1"));
        index.updateOne(new Document("_id", "m:0"), new Document("$unset", new Document("i5", "").append("i63", "")));
        index.updateOne(new Document("_id", "m:2"), new Document("$set", new Document("i3", 42)));

        for (ResourceQuery q : queries()) {
            assertThat(ids(q)).as(q.toString()).isEqualTo(scanIds(q));
        }
    }

    @Test
    void aDamagedIndexEntryMakesSearchScanInstead() {
        publishRandom(new Random(4), 30);
        registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX).updateOne(
                new Document("_id", "w:ocean#0"), new Document("$set", new Document("fx", new Binary(new byte[]{9, 9}))));

        ResourceQuery q = ResourceQuery.text("ocean", FRESH_SINCE);
        assertThat(ids(q)).isEqualTo(scanIds(q));
    }

    private List<ResourceQuery> queries() {
        List<ResourceQuery> qs = new ArrayList<>();
        ResourceQuery all = ResourceQuery.all(FRESH_SINCE).withPage(0, ResourceQuery.MAX_LIMIT);
        for (String w : WORDS) {
            qs.add(all.withText(w));
            qs.add(all.withText(w.substring(0, Math.min(w.length(), 4))));
            qs.add(all.withText(w + " ocean").withType(ResourceType.PAPER));
            qs.add(all.withText(w).withYears(2005, 2015));
            qs.add(all.withText(w).withType(ResourceType.DATASET).withYears(2003, 2012));
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
        qs.add(all.withYears(2010, 2011));
        qs.add(all.withYears(2012, 2010));
        qs.add(all.withType(ResourceType.CODE));
        qs.add(all.withType(ResourceType.PAPER).withYears(1900, 2100));
        qs.add(all);
        return qs;
    }

    private static ResourceQuery randomQuery(Random r) {
        ResourceQuery q = ResourceQuery.all(FRESH_SINCE).withPage(r.nextInt(4) == 0 ? r.nextInt(30) : 0,
                1 + r.nextInt(r.nextBoolean() ? 20 : ResourceQuery.MAX_LIMIT));
        int words = r.nextInt(3);
        List<String> text = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            String w = skewed(r);
            text.add(r.nextInt(3) == 0 ? w.substring(0, Math.min(w.length(), 2 + r.nextInt(5))) : w);
        }
        q = q.withText(String.join(" ", text));
        if (r.nextInt(3) == 0) {
            q = q.withType(ResourceType.values()[r.nextInt(3)]);
        }
        if (r.nextInt(3) == 0) {
            int from = 1995 + r.nextInt(25);
            q = r.nextInt(5) == 0 ? q.withYears(from, null) : q.withYears(from, from + r.nextInt(12) - 1);
        }
        if (r.nextInt(6) == 0) {
            q = q.withAuthor(AUTHORS[r.nextInt(AUTHORS.length)].split(" ")[0]);
        }
        if (r.nextInt(6) == 0) {
            q = q.withTag(skewed(r));
        }
        if (r.nextInt(6) == 0) {
            q = q.withOwner(new UserId("u-" + r.nextInt(5)));
        }
        return q;
    }

    /** Low indexes much more often: "protein" is in most resources, "xy" in a few. */
    private static String skewed(Random r) {
        return WORDS[(int) (Math.pow(r.nextDouble(), 3) * WORDS.length)];
    }

    private static PublishedResource generated(Random r, int i) {
        StringBuilder title = new StringBuilder("T" + i);
        for (int w = 0; w < 4; w++) {
            title.append(' ').append(skewed(r));
        }
        ResourceMetadata m = ResourceMetadata.builder(title.toString(), ResourceType.values()[r.nextInt(3)])
                .authors(List.of(AUTHORS[r.nextInt(AUTHORS.length)]))
                .year(r.nextInt(10) == 0 ? null : 1995 + r.nextInt(30))
                .tags(List.of(skewed(r))).abstractText(skewed(r) + " " + skewed(r)).build();
        return TestResources.published(m, new UserId("u-" + r.nextInt(5)), device(1), NOW - 10_000 + i);
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

    /** Every {@code n:} document's number and resource. */
    private Map<Integer, String> numberDocuments() {
        Map<Integer, String> out = new TreeMap<>();
        registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX)
                .find(new Document("_id", new Document("$regex", "^n:"))).forEach(d ->
                        out.put(Integer.parseInt(d.getString("_id").substring(2)), d.getString("r")));
        return out;
    }

    /** Every number's resource as the blocks ({@code m:<block>}, {@code i<offset>}) copy it. */
    private Map<Integer, String> blockEntries() {
        Map<Integer, String> out = new TreeMap<>();
        registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX)
                .find(new Document("_id", new Document("$regex", "^m:"))).forEach(d -> {
                    int block = Integer.parseInt(d.getString("_id").substring(2));
                    d.forEach((field, value) -> {
                        if (field.startsWith("i")) {
                            out.put(block * ListingNumbers.BLOCK + Integer.parseInt(field.substring(1)), (String) value);
                        }
                    });
                });
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
        int wanted = Math.max(MongoResources.COUNT_CAP, q.offset() + q.limit() + 1);
        List<String> ids = new ArrayList<>(all.subList(Math.min(all.size(), q.offset()),
                Math.min(all.size(), q.offset() + q.limit())));
        ids.add("total=" + Math.min(all.size(), wanted) + " exact=" + (all.size() < wanted)
                + " more=" + (all.size() > q.offset() + q.limit()));
        return ids;
    }

    /** Every key's resources, decoded: what the index says, whatever order its chunks were written in. */
    private Map<String, TreeSet<String>> listed() {
        MongoDatabase db = registries.database(database);
        ResourceIndex index = new ResourceIndex(db);
        Map<String, TreeSet<String>> out = new TreeMap<>();
        db.getCollection(RegistryCollections.RESOURCE_INDEX).find().forEach(doc -> {
            String id = doc.getString("_id");
            int hash = id.lastIndexOf('#');
            if (hash > 0) {
                int base = Integer.parseInt(id.substring(hash + 1)) * PostingChunk.SIZE;
                List<Integer> numbers = Postings.offsets(doc).stream().map(o -> base + o).boxed().toList();
                out.computeIfAbsent(id.substring(0, hash), k -> new TreeSet<>())
                        .addAll(index.resourceIds(numbers).values());
            }
        });
        return out;
    }

    private List<Document> snapshot() {
        return registries.database(database).getCollection(RegistryCollections.RESOURCE_INDEX).find()
                .sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
