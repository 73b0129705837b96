package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;

import com.mongodb.client.model.Updates;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserKey;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.mapping.HolderDocuments;
import org.peershelf.registry.mapping.ResourceDocuments;

/** Resources and holders are signed by the publishing / holding device; forged or tampered ones are not listed. */
@Tag("integration")
class SignedResourcesTest extends RegistryServerTestCase {
    private String database;
    private MongoRegistry registry;
    private final DeviceIdentity alice = DeviceIdentity.generate();
    private final UserKey aliceKey = UserKey.generate();
    private final UserId aliceUser = aliceKey.userId();
    private PublishedResource paper;

    @BeforeEach
    void publish() {
        database = registries.newDatabaseName();
        registry = registries.openSigningRegistry(database);
        registry.addSigner(alice);
        registry.publishDevice(DeviceRecord.endorsed(aliceKey, alice.deviceId(), alice.publicKeyBase64(), "laptop", NOW));
        registry.announce(new OnlineDevice(alice.deviceId(), aliceUser, "127.0.0.1", 4000, 1, NOW, Set.of()));
        paper = TestResources.published(ResourceMetadata.of("Signed paper", ResourceType.PAPER), aliceUser,
                alice.deviceId(), NOW);
        registry.publishResource(paper);
        registry.addHolder(paper.resource().id(), alice.deviceId(), NOW);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void aSignedResourceAndItsSignedHolderAreListedAndAvailable() {
        assertThat(registry.findResource(paper.resource().id())).contains(paper);
        assertThat(registry.holders(paper.resource().id())).containsExactly(alice.deviceId());
        assertThat(registry.search(ResourceQuery.all(FRESH_SINCE)).hits())
                .singleElement().satisfies(hit -> assertThat(hit.onlineHolders()).isEqualTo(1));
    }

    @Test
    void aResourceWhoseOwnerWasRewrittenIsNotListed() {
        registries.database(database).getCollection(RegistryCollections.RESOURCES).updateOne(
                eq("_id", paper.resource().id().hex()), Updates.set(ResourceDocuments.OWNER_USER_ID, "mallory"));

        assertThat(registry.findResource(paper.resource().id())).isEmpty();
        assertThat(registry.search(ResourceQuery.all(FRESH_SINCE)).hits()).isEmpty();
    }

    @Test
    void aResourcePublishedInAnotherUsersNameIsNotListed() {
        DeviceIdentity mallory = DeviceIdentity.generate();
        try (MongoRegistry malloryClient = registries.openSigningRegistry(database)) {
            malloryClient.addSigner(mallory);
            malloryClient.publishDevice(DeviceRecord.endorsed(UserKey.generate(), mallory.deviceId(), mallory.publicKeyBase64(), "m", NOW));
            PublishedResource forged = TestResources.published(ResourceMetadata.of("Alice's (not) paper", ResourceType.PAPER),
                    aliceUser, mallory.deviceId(), NOW);
            malloryClient.publishResource(forged);

            assertThat(registry.findResource(forged.resource().id())).isEmpty();
        }
    }

    @Test
    void aHolderEntryWrittenForAnotherDeviceIsNotCounted() {
        DeviceIdentity victim = DeviceIdentity.generate();
        registry.addSigner(victim);
        registry.publishDevice(DeviceRecord.endorsed(aliceKey, victim.deviceId(), victim.publicKeyBase64(), "v", NOW));
        // a plain registry client claims the victim holds the paper: no signature of the victim
        registries.database(database).getCollection(RegistryCollections.HOLDERS).insertOne(
                new Document(HolderDocuments.ID, HolderDocuments.idOf(paper.resource().id(), victim.deviceId()))
                        .append(HolderDocuments.RESOURCE_ID, paper.resource().id().hex())
                        .append(HolderDocuments.DEVICE_ID, victim.deviceId().value())
                        .append(HolderDocuments.UPDATED_AT, NOW).append(HolderDocuments.SINCE, NOW));

        assertThat(registry.holders(paper.resource().id())).containsExactly(alice.deviceId());
    }

    @Test
    void searchWordsAddedByAnotherClientDoNotMakeTheResourceTurnUp() {
        registries.database(database).getCollection(RegistryCollections.RESOURCES).updateOne(
                eq("_id", paper.resource().id().hex()), Updates.combine(
                        Updates.addToSet(ResourceDocuments.KEYWORDS, "quantum"),
                        Updates.set(ResourceDocuments.SEARCH_TEXT, " signed paper quantum ")));

        assertThat(registry.search(ResourceQuery.text("quantum", FRESH_SINCE)).hits()).isEmpty();
    }

    @Test
    void aHolderIdAddedToTheResourceWithoutASignedHolderRecordIsNotCountedAsAvailable() {
        DeviceIdentity bob = DeviceIdentity.generate();
        registry.addSigner(bob);
        registry.publishDevice(DeviceRecord.endorsed(UserKey.generate(), bob.deviceId(), bob.publicKeyBase64(), "b", NOW));
        registry.announce(new OnlineDevice(bob.deviceId(), UserId.random(), "127.0.0.1", 4001, 1, NOW, Set.of()));
        // bob is really online, but never said he holds the paper: only the unsigned copy names him
        registries.database(database).getCollection(RegistryCollections.RESOURCES).updateOne(
                eq("_id", paper.resource().id().hex()), Updates.addToSet(ResourceDocuments.HOLDER_IDS, bob.deviceId().value()));

        assertThat(registry.search(ResourceQuery.all(FRESH_SINCE)).hits()).singleElement().satisfies(hit -> {
            assertThat(hit.holders()).isEqualTo(1);
            assertThat(hit.onlineHolders()).isEqualTo(1);
        });
    }
}
