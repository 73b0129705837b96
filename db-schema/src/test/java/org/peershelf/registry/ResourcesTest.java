package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;
import static org.peershelf.registry.TestDevices.device;
import static org.peershelf.registry.TestDevices.online;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceHit;
import org.peershelf.protocol.registry.ResourcePage;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.mapping.ResourceDocuments;

@Tag("integration")
class ResourcesTest extends RegistryTestCase {
    private static final UserId ADA = new UserId("u-ada");
    private static final UserId BOB = new UserId("u-bob");

    private PublishedResource publish(ResourceMetadata metadata, UserId owner, long at) {
        PublishedResource published = TestResources.published(metadata, owner, device(1), at);
        registry.publishResource(published);
        return published;
    }

    private static ResourceMetadata paper(String title) {
        return ResourceMetadata.of(title, ResourceType.PAPER);
    }

    private List<String> titles(ResourceQuery query) {
        return registry.search(query).hits().stream().map(h -> h.published().resource().metadata().title()).toList();
    }

    @Test
    void publishedResourceIsFoundWithEveryFieldAndPublishingAgainChangesNothing() {
        ResourceMetadata full = ResourceMetadata.builder("Full", ResourceType.DATASET).authors(List.of("A", "B"))
                .year(2021).doi("10.1/x").abstractText("abs").tags(List.of("t")).licence("MIT").version("2")
                .previousVersion(ResourceId.of("ab".repeat(32))).build();
        PublishedResource published = publish(full, ADA, NOW);
        registry.publishResource(published);

        assertThat(registry.findResource(published.resource().id())).contains(published);
        assertThat(registries.database(database).getCollection(RegistryCollections.RESOURCES).countDocuments())
                .isOne();
    }

    @Test
    void unpublishIsIdempotent() {
        PublishedResource published = publish(paper("Gone"), ADA, NOW);
        registry.unpublishResource(published.resource().id());
        registry.unpublishResource(published.resource().id());
        assertThat(registry.findResource(published.resource().id())).isEmpty();
        assertThat(titles(ResourceQuery.all(FRESH_SINCE))).isEmpty();
    }

    @Test
    void holdersAreASetPerResource() {
        ResourceId id = publish(paper("Held"), ADA, NOW).resource().id();
        registry.addHolder(id, device(2), NOW);
        registry.addHolder(id, device(2), NOW + 1);
        registry.addHolder(id, device(3), NOW);
        registry.removeHolder(id, device(3));
        registry.removeHolder(id, device(3));

        assertThat(registry.holders(id)).containsExactly(device(2));
    }

    @Test
    void heldByListsTheResourcesADeviceSaysItHolds() {
        ResourceId a = publish(paper("Held A"), ADA, NOW).resource().id();
        ResourceId b = publish(paper("Held B"), ADA, NOW + 1).resource().id();
        registry.addHolder(a, device(2), NOW);
        registry.addHolder(b, device(2), NOW);
        registry.addHolder(b, device(3), NOW);
        registry.removeHolder(a, device(2));

        assertThat(registry.heldBy(device(2))).containsExactly(b);
        assertThat(registry.heldBy(device(3))).containsExactly(b);
        assertThat(registry.heldBy(device(4))).isEmpty();
    }

    @Test
    void findsByWordPrefixesInTitleAuthorsTagsAbstractAndDoi() {
        publish(ResourceMetadata.builder("Deep Networks for Proteins", ResourceType.PAPER)
                .authors(List.of("Émile Borel")).tags(List.of("biology")).abstractText("We fold things.")
                .doi("10.1234/abc.5").build(), ADA, NOW);
        publish(paper("Shallow water"), ADA, NOW - 1);

        assertThat(titles(ResourceQuery.text("deep", FRESH_SINCE))).containsExactly("Deep Networks for Proteins");
        assertThat(titles(ResourceQuery.text("NETW prot", FRESH_SINCE))).hasSize(1);
        assertThat(titles(ResourceQuery.text("emile", FRESH_SINCE))).hasSize(1);
        assertThat(titles(ResourceQuery.text("biolog", FRESH_SINCE))).hasSize(1);
        assertThat(titles(ResourceQuery.text("folds fold", FRESH_SINCE))).isEmpty();
        assertThat(titles(ResourceQuery.text("fold", FRESH_SINCE))).hasSize(1);
        assertThat(titles(ResourceQuery.text("10.1234/ABC.5", FRESH_SINCE))).hasSize(1);
        assertThat(titles(ResourceQuery.text("water deep", FRESH_SINCE))).isEmpty();
        assertThat(titles(ResourceQuery.text(".*", FRESH_SINCE))).hasSize(2); // no words: regex is not injected
    }

    @Test
    void filtersByTypeYearsAuthorTagAndOwner() {
        publish(ResourceMetadata.builder("Old code", ResourceType.CODE).year(1999).authors(List.of("Grace Hopper"))
                .tags(List.of("COBOL")).build(), ADA, NOW - 2);
        publish(ResourceMetadata.builder("New data", ResourceType.DATASET).year(2023).authors(List.of("Bob"))
                .tags(List.of("cobol-free")).build(), BOB, NOW - 1);
        publish(ResourceMetadata.builder("New code", ResourceType.CODE).year(2024).build(), BOB, NOW);
        ResourceQuery all = ResourceQuery.all(FRESH_SINCE);

        assertThat(titles(all.withType(ResourceType.CODE))).containsExactly("New code", "Old code");
        assertThat(titles(all.withYears(2000, 2023))).containsExactly("New data");
        assertThat(titles(all.withYears(2023, null))).containsExactly("New code", "New data");
        assertThat(titles(all.withAuthor("hopper"))).containsExactly("Old code");
        assertThat(titles(all.withTag("cobol"))).containsExactly("Old code");
        assertThat(titles(all.withOwner(BOB))).containsExactly("New code", "New data");
        assertThat(titles(all.withOwner(BOB).withType(ResourceType.CODE).withText("new"))).containsExactly("New code");
    }

    @Test
    void pagesNewestFirstWithATotal() {
        for (int i = 0; i < 7; i++) {
            publish(paper("Paper " + i), ADA, NOW + i);
        }
        ResourceQuery first = ResourceQuery.all(FRESH_SINCE).withPage(0, 3);

        ResourcePage page1 = registry.search(first);
        ResourcePage page3 = registry.search(first.next().next());
        ResourcePage filtered = registry.search(first.withText("paper"));

        assertThat(page1.hits()).extracting(h -> h.published().resource().metadata().title())
                .containsExactly("Paper 6", "Paper 5", "Paper 4");
        assertThat(page1.total()).isEqualTo(7);
        assertThat(page1.totalIsExact()).isTrue();
        assertThat(page1.hasMore()).isTrue();
        assertThat(page3.hits()).extracting(h -> h.published().resource().metadata().title()).containsExactly("Paper 0");
        assertThat(page3.total()).isEqualTo(7);
        assertThat(page3.hasMore()).isFalse();
        assertThat(filtered.total()).isEqualTo(7);
        assertThat(filtered.hasMore()).isTrue();
        assertThat(registry.search(first.withPage(9, 3)).total()).isEqualTo(7);
        assertThat(registry.search(first.withText("paper").withPage(6, 1)).hasMore()).isFalse();
    }

    @Test
    void republishingKeepsAResourcesPlaceAndANewResourceComesFirstEvenAfterAnUnpublish() {
        PublishedResource a = publish(paper("A"), ADA, NOW);
        publish(paper("B"), ADA, NOW + 1);
        registry.publishResource(a); // the outbox resending: nothing moves

        assertThat(titles(ResourceQuery.all(FRESH_SINCE))).containsExactly("B", "A");
        registry.unpublishResource(a.resource().id());
        assertThat(titles(ResourceQuery.all(FRESH_SINCE))).containsExactly("B");
        publish(paper("C"), ADA, NOW + 2); // must not land in A's old place
        registry.publishResource(a); // listed again: back in its old place
        assertThat(titles(ResourceQuery.all(FRESH_SINCE))).containsExactly("C", "B", "A");
        assertThat(registry.findResource(a.resource().id())).contains(a);
    }

    @Test
    void totalIsALowerBoundBeyondTheCountCap() {
        List<Document> docs = new java.util.ArrayList<>();
        for (int i = 0; i < MongoResources.COUNT_CAP + 5; i++) {
            docs.add(ResourceDocuments.toDocument(TestResources.published(paper("Bulk " + i), ADA, device(1), NOW + i)));
        }
        registries.database(database).getCollection(RegistryCollections.RESOURCES).insertMany(docs);
        ResourceIndex.rebuild(registries.database(database)); // what a publish writes next to each document

        ResourcePage first = registry.search(ResourceQuery.text("bulk", FRESH_SINCE).withPage(0, 10));
        ResourcePage deep = registry.search(ResourceQuery.text("bulk", FRESH_SINCE).withPage(1_000, 10));

        assertThat(first.total()).isEqualTo(MongoResources.COUNT_CAP);
        assertThat(first.totalIsExact()).isFalse();
        assertThat(first.hits().get(0).published().resource().metadata().title())
                .isEqualTo("Bulk " + (MongoResources.COUNT_CAP + 4));
        assertThat(deep.hits()).hasSize(5);
        assertThat(deep.total()).isEqualTo(MongoResources.COUNT_CAP + 5);
        assertThat(deep.totalIsExact()).isTrue();
        assertThat(deep.hasMore()).isFalse();
    }

    @Test
    void availableNowOnlyWithAHolderOnTheFreshOnlineList() {
        publish(paper("Held by nobody"), ADA, NOW - 2);
        ResourceId stale = publish(paper("Held by a stale device"), ADA, NOW - 1).resource().id();
        ResourceId held = publish(paper("Held online"), ADA, NOW).resource().id();
        DeviceId fresh = device(10);
        DeviceId old = device(11);
        registry.announce(online(fresh, 1, NOW));
        registry.announce(online(old, 1, FRESH_SINCE - 1));
        registry.addHolder(held, fresh, NOW);
        registry.addHolder(held, old, NOW);
        registry.addHolder(stale, old, NOW);

        List<ResourceHit> hits = registry.search(ResourceQuery.all(FRESH_SINCE)).hits();

        assertThat(hits).extracting(ResourceHit::availableNow).containsExactly(true, false, false);
        assertThat(hits).extracting(ResourceHit::holders).containsExactly(2, 1, 0);
        assertThat(hits).extracting(ResourceHit::onlineHolders).containsExactly(1, 0, 0);
    }

    @Test
    void aTamperedDocumentIsSkippedNotTrusted() {
        PublishedResource good = publish(paper("Good"), ADA, NOW);
        PublishedResource bad = publish(paper("Bad"), ADA, NOW + 1);
        registries.database(database).getCollection(RegistryCollections.RESOURCES).updateOne(
                new Document(ResourceDocuments.ID, bad.resource().id().hex()),
                new Document("$set", new Document(ResourceDocuments.TITLE, "Bad, edited")));

        assertThat(registry.findResource(bad.resource().id())).isEmpty();
        assertThat(registry.search(ResourceQuery.all(FRESH_SINCE)).hits())
                .extracting(ResourceHit::published).containsExactly(good);
    }
}
