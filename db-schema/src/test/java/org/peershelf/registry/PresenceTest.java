package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;
import static org.peershelf.registry.TestDevices.device;
import static org.peershelf.registry.TestDevices.online;

import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.registry.mapping.OnlineDeviceDocuments;

@Tag("integration")
class PresenceTest extends RegistryTestCase {
    private static final DeviceId A = device(0xa);
    private static final DeviceId B = device(0xb);
    private static final DeviceId C = device(0xc);

    @Test
    void announcedDeviceIsOnlineWithEveryField() {
        OnlineDevice a = new OnlineDevice(A, new UserId("alice"), "192.168.1.20", 45123, 7L, NOW, Set.of());

        registry.announce(a);

        assertThat(registry.onlineDevices(FRESH_SINCE)).containsExactly(a);
    }

    @Test
    void announceReplacesTheEntryWithAFreshEpochAndNoVoters() {
        registry.announce(online(A, 1, NOW));
        registry.announce(online(B, 1, NOW));
        registry.announce(online(C, 1, NOW));
        registry.voteAgainst(A, 1, B, 0.9, FRESH_SINCE);
        OnlineDevice again = new OnlineDevice(A, new UserId("alice"), "10.1.1.1", 50000, 2L, NOW + 5, Set.of(C));

        registry.announce(again);

        OnlineDevice entry = onlineEntry(A);
        assertThat(entry.epoch()).isEqualTo(2L);
        assertThat(entry.host()).isEqualTo("10.1.1.1");
        assertThat(entry.voters()).as("voters of the old session and of the argument are dropped").isEmpty();
        assertThat(registries.database(database).getCollection(RegistryCollections.ONLINE_DEVICES)
                .countDocuments(new Document(OnlineDeviceDocuments.ID, A.value()))).isEqualTo(1);
    }

    @Test
    void heartbeatRefreshesTheSameSession() {
        registry.announce(online(A, 3, NOW - 20_000));

        assertThat(registry.heartbeat(A, 3, NOW)).isTrue();

        assertThat(onlineEntry(A).lastHeartbeatMillis()).isEqualTo(NOW);
    }

    @Test
    void heartbeatReportsVotedOut() {
        registry.announce(online(A, 3, NOW));
        registry.announce(online(B, 1, NOW));
        registry.announce(online(C, 1, NOW));
        registry.voteAgainst(A, 3, B, 0.5, FRESH_SINCE);
        assertThat(registry.voteAgainst(A, 3, C, 0.5, FRESH_SINCE).removed()).isTrue();

        assertThat(registry.heartbeat(A, 3, NOW + 1000)).isFalse();
        assertThat(registry.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId).containsExactly(B, C);
    }

    @Test
    void heartbeatOfAReplacedSessionReportsFalseAndChangesNothing() {
        registry.announce(online(A, 1, NOW - 1000));
        registry.announce(online(A, 2, NOW - 1000));

        assertThat(registry.heartbeat(A, 1, NOW)).isFalse();

        assertThat(onlineEntry(A).lastHeartbeatMillis()).isEqualTo(NOW - 1000);
        assertThat(registry.heartbeat(B, 1, NOW)).as("never announced").isFalse();
    }

    @Test
    void staleHeartbeatIsNotOnline() {
        registry.announce(online(A, 1, FRESH_SINCE - 1));
        registry.announce(online(B, 1, FRESH_SINCE));
        registry.announce(online(C, 1, NOW));

        assertThat(registry.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId)
                .as("lastHeartbeat >= freshSince counts, one millisecond older does not").containsExactly(B, C);
        assertThat(registry.heartbeat(A, 1, NOW)).as("a stale entry can still come back").isTrue();
        assertThat(registry.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId).containsExactly(A, B, C);
    }

    @Test
    void leaveIsConditionedOnEpoch() {
        registry.announce(online(A, 2, NOW));

        registry.leave(A, 1);
        assertThat(registry.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId).containsExactly(A);

        registry.leave(A, 2);
        assertThat(registry.onlineDevices(FRESH_SINCE)).isEmpty();

        registry.leave(A, 2); // already gone: a no-op
        assertThat(registry.heartbeat(A, 2, NOW)).isFalse();
    }

    @Test
    void malformedEntryIsSkippedWithoutHidingTheOthers() {
        registry.announce(online(A, 1, NOW));
        registries.database(database).getCollection(RegistryCollections.ONLINE_DEVICES).insertOne(
                new Document(OnlineDeviceDocuments.ID, B.value()).append(OnlineDeviceDocuments.USER_ID, "bob")
                        .append(OnlineDeviceDocuments.HOST, "h").append(OnlineDeviceDocuments.PORT, "not a number")
                        .append(OnlineDeviceDocuments.EPOCH, 1L).append(OnlineDeviceDocuments.LAST_HEARTBEAT, NOW));

        assertThat(registry.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId).containsExactly(A);
    }

    private OnlineDevice onlineEntry(DeviceId id) {
        return registry.onlineDevices(Long.MIN_VALUE).stream().filter(d -> d.deviceId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id.shortForm() + " is not in the online list"));
    }
}
