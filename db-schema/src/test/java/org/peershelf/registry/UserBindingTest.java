package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.NOW;

import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.RecordSigner;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserKey;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.RoomRecord;
import org.peershelf.protocol.registry.UserRecord;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.mapping.DeviceDocuments;

/**
 * User ids are bound to user keys: a device counts as a user's only with that user key's endorsement,
 * so a registry user who registers a device of their own under someone else's user id cannot publish
 * resources, rooms or a profile in that name. Forged documents are written with the real driver.
 */
@Tag("integration")
class UserBindingTest extends RegistryServerTestCase {
    private String database;
    private MongoRegistry reader;
    private final UserKey aliceKey = UserKey.generate();
    private final UserId alice = aliceKey.userId();
    private final DeviceIdentity aliceLaptop = DeviceIdentity.generate();
    private final DeviceIdentity mallory = DeviceIdentity.generate();

    @BeforeEach
    void open() {
        database = registries.newDatabaseName();
        reader = registries.openSigningRegistry(database);
        reader.addSigner(aliceLaptop);
        reader.publishDevice(DeviceRecord.endorsed(aliceKey, aliceLaptop.deviceId(), aliceLaptop.publicKeyBase64(),
                "laptop", NOW));
    }

    @AfterEach
    void close() {
        reader.close();
    }

    /** Mallory's client: her device's records are self-signed, as every client's are. */
    private MongoRegistry malloryClient() {
        MongoRegistry client = registries.openSigningRegistry(database);
        client.addSigner(mallory);
        return client;
    }

    @Test
    void aDeviceClaimingAUserIdWithoutItsEndorsementCannotPublishResourcesRoomsOrAProfileInThatName() {
        try (MongoRegistry client = malloryClient()) {
            client.publishDevice(new DeviceRecord(mallory.deviceId(), alice, mallory.publicKeyBase64(), "m", NOW));
            PublishedResource forged = TestResources.published(ResourceMetadata.of("Not Alice's", ResourceType.PAPER),
                    alice, mallory.deviceId(), NOW);
            client.publishResource(forged);
            RoomRecord room = new RoomRecord(UUID.randomUUID().toString(), "Alice's lab", mallory.deviceId(), alice,
                    mallory.deviceId(), 0, List.of(mallory.deviceId()), false, NOW);
            client.createRoom(room);
            client.publishUser(new UserRecord(new UserProfile(alice, "Not Alice", "", "", "", ""), NOW + 1));

            assertThat(reader.findDevice(mallory.deviceId())).isEmpty();
            assertThat(reader.findResource(forged.resource().id())).isEmpty();
            assertThat(reader.findRoom(room.roomId())).isEmpty();
            assertThat(reader.findUser(alice)).isEmpty();
        }
    }

    @Test
    void anEndorsementByAnotherUsersKeyOrCopiedFromAnotherDeviceIsRefused() {
        UserKey malloryKey = UserKey.generate();
        try (MongoRegistry client = malloryClient()) {
            // her own user key endorses her device for alice's id: the key does not give alice's id
            client.publishDevice(new DeviceRecord(mallory.deviceId(), alice, mallory.publicKeyBase64(), "m", NOW,
                    malloryKey.publicKeyBase64(), malloryKey.endorse(mallory.deviceId())));
            assertThat(reader.findDevice(mallory.deviceId())).isEmpty();
            // alice's real endorsement of her laptop, copied onto mallory's device document
            Document laptop = registries.database(database).getCollection(RegistryCollections.DEVICES)
                    .find(new Document(DeviceDocuments.ID, aliceLaptop.deviceId().value())).first();
            client.publishDevice(new DeviceRecord(mallory.deviceId(), alice, mallory.publicKeyBase64(), "m", NOW,
                    laptop.getString(DeviceDocuments.USER_KEY), laptop.getString(DeviceDocuments.ENDORSEMENT)));
            assertThat(reader.findDevice(mallory.deviceId())).isEmpty();
        }
    }

    @Test
    void aSecondDeviceEndorsedByTheSameUserKeyPublishesAsThatUser() {
        DeviceIdentity desktop = DeviceIdentity.generate();
        try (MongoRegistry desktopClient = registries.openSigningRegistry(database)) {
            desktopClient.addSigner(desktop);
            desktopClient.publishDevice(DeviceRecord.endorsed(aliceKey, desktop.deviceId(), desktop.publicKeyBase64(),
                    "desktop", NOW));
            PublishedResource paper = TestResources.published(ResourceMetadata.of("Alice's", ResourceType.PAPER),
                    alice, desktop.deviceId(), NOW);
            desktopClient.publishResource(paper);
            desktopClient.publishUser(new UserRecord(new UserProfile(alice, "Alice", "", "", "", ""), NOW));

            assertThat(reader.findDevice(desktop.deviceId())).map(DeviceRecord::owner).contains(alice);
            assertThat(reader.findResource(paper.resource().id())).contains(paper);
            assertThat(reader.findUser(alice)).map(u -> u.profile().displayName()).contains("Alice");
        }
    }

    @Test
    void aDeviceRecordOfAnOlderVersionWithoutEndorsementIsIgnoredWhenSignaturesAreRequired() {
        DeviceIdentity old = DeviceIdentity.generate();
        UserId legacyUser = UserId.random();
        DeviceRecord legacy = new DeviceRecord(old.deviceId(), legacyUser, old.publicKeyBase64(), "old", NOW);
        Document doc = DeviceDocuments.toDocument(legacy).append(DeviceDocuments.SIGNATURE,
                RecordSigner.sign(old, "device", java.util.Map.of("deviceId", old.deviceId().value(),
                        "owner", legacyUser.value(), "publicKey", old.publicKeyBase64(), "name", "old",
                        "registeredAt", NOW)));
        registries.database(database).getCollection(RegistryCollections.DEVICES).insertOne(doc);

        assertThat(reader.findDevice(old.deviceId())).isEmpty();
        try (MongoRegistry tolerant = registries.openRegistry(database)) {
            assertThat(tolerant.findDevice(old.deviceId())).contains(legacy); // tools still read it
        }
    }
}
