package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.RecordSigner;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserKey;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.UserRecord;
import org.peershelf.registry.mapping.OnlineDeviceDocuments;

/**
 * Directory and presence documents carry their owner's signature; a client with write access to the
 * registry that tampers with them, or writes them for a device it does not own, is ignored by readers.
 */
@Tag("integration")
class SignedRecordsTest extends RegistryServerTestCase {
    private String database;
    private MongoRegistry registry;
    private final DeviceIdentity alice = DeviceIdentity.generate();
    private final UserKey aliceKey = UserKey.generate();
    private final UserId aliceUser = aliceKey.userId();

    @BeforeEach
    void openRegistry() {
        database = registries.newDatabaseName();
        registry = registries.openSigningRegistry(database);
        registry.addSigner(alice);
    }

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private MongoCollection<Document> collection(String name) {
        return registries.database(database).getCollection(name);
    }

    private DeviceRecord aliceDevice() {
        return DeviceRecord.endorsed(aliceKey, alice.deviceId(), alice.publicKeyBase64(), "laptop", NOW);
    }

    private OnlineDevice aliceOnline() {
        return new OnlineDevice(alice.deviceId(), aliceUser, "10.0.0.7", 40_001, 1, NOW, Set.of());
    }

    @Test
    void signedDeviceUserAndOnlineEntryAreReadBackAfterHeartbeats() {
        registry.publishDevice(aliceDevice());
        registry.publishUser(new UserRecord(new UserProfile(aliceUser, "Alice", "Uni", "Physics", "", ""), NOW));
        registry.announce(aliceOnline());
        assertThat(registry.heartbeat(alice.deviceId(), 1, NOW + 1000)).isTrue();

        assertThat(registry.findDevice(alice.deviceId())).contains(aliceDevice());
        assertThat(registry.findUser(aliceUser)).hasValueSatisfying(u -> assertThat(u.profile().displayName()).isEqualTo("Alice"));
        assertThat(registry.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId).containsExactly(alice.deviceId());
        assertThat(collection(RegistryCollections.ONLINE_DEVICES).find().first())
                .containsKeys(OnlineDeviceDocuments.SIGNATURE, OnlineDeviceDocuments.HEARTBEAT_SIGNATURE,
                        OnlineDeviceDocuments.PUBLIC_KEY);
    }

    @Test
    void anOnlineEntryWithATamperedAddressIsIgnored() {
        registry.announce(aliceOnline());

        collection(RegistryCollections.ONLINE_DEVICES).updateOne(eq("_id", alice.deviceId().value()),
                Updates.set(OnlineDeviceDocuments.HOST, "203.0.113.66"));

        assertThat(registry.onlineDevices(FRESH_SINCE)).isEmpty();
    }

    @Test
    void aHeartbeatBumpedByAnotherClientIsIgnored() {
        registry.announce(aliceOnline());

        collection(RegistryCollections.ONLINE_DEVICES).updateOne(eq("_id", alice.deviceId().value()),
                Updates.set(OnlineDeviceDocuments.LAST_HEARTBEAT, NOW + 60_000));

        assertThat(registry.onlineDevices(FRESH_SINCE)).isEmpty();
    }

    @Test
    void someoneElsesDeviceCannotBeMarkedOnline() {
        DeviceIdentity mallory = DeviceIdentity.generate();
        DeviceId victim = DeviceIdentity.generate().deviceId();
        OnlineDevice forged = new OnlineDevice(victim, aliceUser, "203.0.113.66", 4000, 5, NOW, Set.of());
        // unsigned, as a plain registry client would write it
        try (MongoRegistry plainClient = registries.openRegistry(database)) {
            plainClient.announce(forged);
        }
        assertThat(registry.onlineDevices(FRESH_SINCE)).isEmpty();

        // signed by mallory's own key, presented as the victim's
        Document doc = OnlineDeviceDocuments.toDocument(forged)
                .append(OnlineDeviceDocuments.PUBLIC_KEY, mallory.publicKeyBase64())
                .append(OnlineDeviceDocuments.SIGNATURE, RecordSigner.sign(mallory, "online", java.util.Map.of(
                        "deviceId", victim.value(), "userId", aliceUser.value(), "host", "203.0.113.66",
                        "port", 4000, "epoch", 5L)));
        collection(RegistryCollections.ONLINE_DEVICES).replaceOne(eq("_id", victim.value()), doc);

        assertThat(registry.onlineDevices(FRESH_SINCE)).isEmpty();
    }

    @Test
    void aRewrittenProfileIsIgnored() {
        registry.publishDevice(aliceDevice());
        registry.publishUser(new UserRecord(new UserProfile(aliceUser, "Alice", "Uni", "Physics", "", ""), NOW));

        collection(RegistryCollections.USERS).updateOne(eq("_id", aliceUser.value()), Updates.set("displayName", "Mallory"));

        assertThat(registry.findUser(aliceUser)).isEmpty();
    }

    @Test
    void aProfileSignedByADeviceOfAnotherUserIsIgnored() {
        DeviceIdentity mallory = DeviceIdentity.generate();
        UserKey malloryKey = UserKey.generate();
        UserId malloryUser = malloryKey.userId();
        try (MongoRegistry malloryClient = registries.openSigningRegistry(database)) {
            malloryClient.addSigner(mallory);
            malloryClient.publishDevice(DeviceRecord.endorsed(malloryKey, mallory.deviceId(), mallory.publicKeyBase64(), "m", NOW));
            // mallory's device signs a record for alice's user id
            Document forged = new Document("_id", aliceUser.value()).append("displayName", "Not Alice")
                    .append("institution", "").append("field", "").append("orcid", "").append("email", "")
                    .append("updatedAt", NOW).append("signedBy", mallory.deviceId().value())
                    .append("signature", RecordSigner.sign(mallory, "user", java.util.Map.of("userId", aliceUser.value(),
                            "displayName", "Not Alice", "institution", "", "field", "", "orcid", "", "email", "",
                            "updatedAt", NOW, "signedBy", mallory.deviceId().value())));
            collection(RegistryCollections.USERS).insertOne(forged);
        }

        assertThat(registry.findUser(aliceUser)).isEmpty();
    }

    @Test
    void aDeviceRecordWithAChangedNameOrOwnerIsIgnored() {
        registry.publishDevice(aliceDevice());

        collection(RegistryCollections.DEVICES).updateOne(eq("_id", alice.deviceId().value()),
                Updates.set("ownerUserId", "someone-else"));

        assertThat(registry.findDevice(alice.deviceId())).isEmpty();
    }

    @Test
    void anOlderProfilePutBackIsIgnoredByAReaderThatSawANewerOne() {
        registry.publishDevice(aliceDevice());
        registry.publishUser(new UserRecord(new UserProfile(aliceUser, "Alice", "Old Uni", "", "", ""), NOW));
        org.bson.Document old = collection(RegistryCollections.USERS).find(eq("_id", aliceUser.value())).first();
        registry.publishUser(new UserRecord(new UserProfile(aliceUser, "Alice", "New Uni", "", "", ""), NOW + 1));
        assertThat(registry.findUser(aliceUser)).map(u -> u.profile().institution()).contains("New Uni");

        collection(RegistryCollections.USERS).replaceOne(eq("_id", aliceUser.value()), old);

        assertThat(registry.findUser(aliceUser)).isEmpty();
    }
}
