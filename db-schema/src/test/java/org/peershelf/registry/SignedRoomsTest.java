package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.NOW;

import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserKey;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.RoomRecord;
import org.peershelf.registry.mapping.RoomFields;

/** Room documents: creation signed by the creator's device, each host claim by the claimer, deletion by the creator's user. */
@Tag("integration")
class SignedRoomsTest extends RegistryServerTestCase {
    private String database;
    private final DeviceIdentity alice = DeviceIdentity.generate();
    private final DeviceIdentity bob = DeviceIdentity.generate();
    private final UserKey aliceKey = UserKey.generate();
    private final UserId aliceUser = aliceKey.userId();
    private MongoRegistry aliceClient;
    private MongoRegistry bobClient;

    @BeforeEach
    void open() {
        database = registries.newDatabaseName();
        aliceClient = client(alice, aliceKey);
        bobClient = client(bob, UserKey.generate());
    }

    private MongoRegistry client(DeviceIdentity device, UserKey user) {
        MongoRegistry client = registries.openSigningRegistry(database);
        client.addSigner(device);
        client.publishDevice(DeviceRecord.endorsed(user, device.deviceId(), device.publicKeyBase64(), "d", NOW));
        return client;
    }

    @AfterEach
    void close() {
        aliceClient.close();
        bobClient.close();
    }

    private RoomRecord room(DeviceIdentity host, UserId user) {
        return new RoomRecord(UUID.randomUUID().toString(), "Lab", host.deviceId(), user, host.deviceId(), 0,
                List.of(host.deviceId(), bob.deviceId()), false, NOW);
    }

    private void tamper(String roomId, org.bson.conversions.Bson update) {
        registries.database(database).getCollection(RegistryCollections.ROOMS).updateOne(eq(RoomFields.ROOM_ID, roomId), update);
    }

    @Test
    void aRoomCreatedClaimedAndDeletedByTheRightDevicesIsRead() {
        RoomRecord room = room(alice, aliceUser);
        aliceClient.createRoom(room);

        assertThat(bobClient.claimHost(room.roomId(), 0, bob.deviceId())).hasValueSatisfying(r ->
                assertThat(r.currentHost()).isEqualTo(bob.deviceId()));
        assertThat(aliceClient.markDeleted(room.roomId(), aliceUser)).isTrue();

        assertThat(bobClient.findRoom(room.roomId())).hasValueSatisfying(r -> {
            assertThat(r.epoch()).isEqualTo(1);
            assertThat(r.deleted()).isTrue();
        });
    }

    @Test
    void aHostChangedByAnotherClientIsIgnored() {
        RoomRecord room = room(alice, aliceUser);
        aliceClient.createRoom(room);

        DeviceIdentity mallory = DeviceIdentity.generate();
        tamper(room.roomId(), Updates.combine(Updates.set(RoomFields.CURRENT_HOST, mallory.deviceId().value()),
                Updates.set(RoomFields.EPOCH, 1L)));

        assertThat(bobClient.findRoom(room.roomId())).isEmpty();
        assertThat(bobClient.roomsOf(bob.deviceId())).isEmpty();
    }

    @Test
    void aRoomCreatedInAnotherUsersNameIsIgnored() {
        RoomRecord forged = room(bob, aliceUser); // bob's device claims alice's user created it
        bobClient.createRoom(forged);

        assertThat(aliceClient.findRoom(forged.roomId())).isEmpty();
    }

    @Test
    void aDeletionWrittenByAnotherClientIsIgnored() {
        RoomRecord room = room(alice, aliceUser);
        aliceClient.createRoom(room);

        tamper(room.roomId(), Updates.set(RoomFields.DELETED, true));

        assertThat(bobClient.findRoom(room.roomId())).isEmpty();
    }

    @Test
    void membersAddedOrRemovedInTheDirectoryByAnotherClientAreNotBelieved() {
        RoomRecord room = room(alice, aliceUser);
        aliceClient.createRoom(room);
        DeviceIdentity mallory = DeviceIdentity.generate();

        tamper(room.roomId(), Updates.addToSet(RoomFields.MEMBERS, mallory.deviceId().value()));
        tamper(room.roomId(), Updates.pull(RoomFields.MEMBERS, bob.deviceId().value()));

        assertThat(bobClient.findRoom(room.roomId())).hasValueSatisfying(r ->
                assertThat(r.members()).containsExactly(alice.deviceId(), bob.deviceId()));
        assertThat(bobClient.roomsOf(mallory.deviceId())).isEmpty();
        assertThat(bobClient.roomsOf(bob.deviceId())).extracting(RoomRecord::roomId).containsExactly(room.roomId());
    }

    @Test
    void aSignedMemberListEditedByAnotherClientMakesReadersSkipTheRoom() {
        RoomRecord room = room(alice, aliceUser);
        aliceClient.createRoom(room);

        tamper(room.roomId(), Updates.addToSet(RoomFields.SIGNED_MEMBERS, DeviceIdentity.generate().deviceId().value()));

        assertThat(bobClient.findRoom(room.roomId())).isEmpty();
    }

    @Test
    void theHostsInvitationsAndRemovalsAreSignedAndANewHostReSignsTheMembers() {
        RoomRecord room = room(alice, aliceUser);
        aliceClient.createRoom(room);
        DeviceIdentity carol = DeviceIdentity.generate();

        aliceClient.addMember(room.roomId(), carol.deviceId());
        assertThat(bobClient.findRoom(room.roomId())).hasValueSatisfying(r ->
                assertThat(r.members()).containsExactly(alice.deviceId(), bob.deviceId(), carol.deviceId()));
        assertThat(bobClient.roomsOf(carol.deviceId())).hasSize(1);

        aliceClient.removeMember(room.roomId(), carol.deviceId());
        assertThat(bobClient.roomsOf(carol.deviceId())).isEmpty();

        assertThat(bobClient.claimHost(room.roomId(), 0, bob.deviceId())).hasValueSatisfying(r ->
                assertThat(r.members()).containsExactly(alice.deviceId(), bob.deviceId()));
        bobClient.addMember(room.roomId(), carol.deviceId());
        assertThat(aliceClient.findRoom(room.roomId())).hasValueSatisfying(r -> {
            assertThat(r.epoch()).isEqualTo(1);
            assertThat(r.members()).contains(carol.deviceId());
        });
    }

    @Test
    void aMemberListSignedForAnEarlierEpochPutBackIsRefused() {
        RoomRecord room = room(alice, aliceUser);
        aliceClient.createRoom(room);
        aliceClient.addMember(room.roomId(), DeviceIdentity.generate().deviceId());
        org.bson.Document epoch0 = registries.database(database).getCollection(RegistryCollections.ROOMS)
                .find(eq(RoomFields.ROOM_ID, room.roomId())).first();
        bobClient.claimHost(room.roomId(), 0, bob.deviceId());
        bobClient.removeMember(room.roomId(), alice.deviceId());

        // the earlier list (with alice) and the earlier host's signature of it, under the current host
        tamper(room.roomId(), Updates.combine(
                Updates.set(RoomFields.SIGNED_MEMBERS, epoch0.get(RoomFields.SIGNED_MEMBERS)),
                Updates.set(RoomFields.MEMBERS_SIGNATURE, epoch0.get(RoomFields.MEMBERS_SIGNATURE))));

        assertThat(aliceClient.findRoom(room.roomId())).isEmpty();
    }

    @Test
    void anOlderRoomDocumentPutBackIsIgnoredByAReaderThatSawANewerEpoch() {
        RoomRecord room = room(alice, aliceUser);
        aliceClient.createRoom(room);
        var rooms = registries.database(database).getCollection(RegistryCollections.ROOMS);
        org.bson.Document epoch0 = rooms.find(eq(RoomFields.ROOM_ID, room.roomId())).first();
        bobClient.claimHost(room.roomId(), 0, bob.deviceId());
        assertThat(aliceClient.findRoom(room.roomId())).map(RoomRecord::epoch).contains(1L);

        rooms.replaceOne(eq(RoomFields.ROOM_ID, room.roomId()), epoch0); // validly signed, but epoch 0 again

        assertThat(aliceClient.findRoom(room.roomId())).isEmpty();
    }
}
