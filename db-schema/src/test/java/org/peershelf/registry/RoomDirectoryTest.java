package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.RoomRecord;

/** The room directory on the embedded registry over TCP, with the real driver. */
@Tag("integration")
class RoomDirectoryTest extends RegistryTestCase {
    private static final DeviceId HOST = DeviceId.of("a".repeat(40));
    private static final DeviceId B = DeviceId.of("b".repeat(40));
    private static final DeviceId C = DeviceId.of("c".repeat(40));
    private static final UserId CREATOR = new UserId("u-creator");

    private RoomRecord room(String id) {
        return new RoomRecord(id, "Reading group", HOST, CREATOR, HOST, 0, List.of(HOST, B, C), false, 42L);
    }

    @Test
    void createdRoomIsFoundByIdAndByMember() {
        registry.createRoom(room("r1"));
        registry.createRoom(room("r1")); // a retried create changes nothing

        assertThat(registry.findRoom("r1")).contains(room("r1"));
        assertThat(registry.roomsOf(B)).extracting(RoomRecord::roomId).containsExactly("r1");
        assertThat(registry.roomsOf(DeviceId.of("d".repeat(40)))).isEmpty();
        assertThat(registries.database(database).getCollection(RegistryCollections.ROOMS).countDocuments()).isEqualTo(1);
    }

    @Test
    void claimIsACompareAndSetOnTheEpoch() {
        registry.createRoom(room("r1"));

        Optional<RoomRecord> first = registry.claimHost("r1", 0, B);
        Optional<RoomRecord> late = registry.claimHost("r1", 0, C);

        assertThat(first).map(RoomRecord::currentHost).contains(B);
        assertThat(first).map(RoomRecord::epoch).contains(1L);
        assertThat(late).isEmpty();
        assertThat(registry.findRoom("r1")).map(RoomRecord::currentHost).contains(B);
        assertThat(registry.claimHost("r1", 1, C)).map(RoomRecord::epoch).contains(2L);
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
        registry.createRoom(room("r1"));
        List<DeviceId> claimers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claimers.add(DeviceId.of(Integer.toHexString(i + 1).repeat(40)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<RoomRecord>>> claims = new ArrayList<>();
            for (DeviceId claimer : claimers) {
                claims.add(() -> {
                    try (MongoRegistry own = registries.openRegistry(database)) {
                        return own.claimHost("r1", 0, claimer);
                    }
                });
            }
            List<RoomRecord> winners = new ArrayList<>();
            for (Future<Optional<RoomRecord>> result : pool.invokeAll(claims)) {
                result.get().ifPresent(winners::add);
            }
            assertThat(winners).hasSize(1);
            assertThat(registry.findRoom("r1")).map(RoomRecord::currentHost).contains(winners.get(0).currentHost());
            assertThat(registry.findRoom("r1")).map(RoomRecord::epoch).contains(1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheCreatorsUserCanDelete() {
        registry.createRoom(room("r1"));

        assertThat(registry.markDeleted("r1", new UserId("u-member"))).isFalse();
        assertThat(registry.findRoom("r1")).map(RoomRecord::deleted).contains(false);
        assertThat(registry.markDeleted("r1", CREATOR)).isTrue();
        assertThat(registry.findRoom("r1")).map(RoomRecord::deleted).contains(true);
        assertThat(registry.claimHost("r1", 0, B)).as("a deleted room gets no new host").isEmpty();
    }

    @Test
    void membersAreASet() {
        registry.createRoom(room("r1"));
        DeviceId d = DeviceId.of("d".repeat(40));
        registry.addMember("r1", d);
        registry.addMember("r1", d);
        registry.removeMember("r1", B);

        assertThat(registry.findRoom("r1").orElseThrow().members()).containsExactly(HOST, C, d);
    }

    @Test
    void malformedRoomDocumentIsSkipped() {
        registry.createRoom(room("r1"));
        registries.database(database).getCollection(RegistryCollections.ROOMS)
                .insertOne(new Document("roomId", "r2").append("members", List.of(B.value())).append("epoch", "x"));

        assertThat(registry.roomsOf(B)).extracting(RoomRecord::roomId).containsExactly("r1");
        assertThat(registry.findRoom("r2")).isEmpty();
    }
}
