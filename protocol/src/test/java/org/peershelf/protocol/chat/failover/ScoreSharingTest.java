package org.peershelf.protocol.chat.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;

class ScoreSharingTest {
    private static final DeviceId ANN = DeviceId.of("a".repeat(40));
    private static final DeviceId BOB = DeviceId.of("b".repeat(40));

    @Test
    void sendsFirstThenOnlyMovesThatMatterOrWhenTheCopyWouldGrowOld() {
        ScoreSharing sharing = new ScoreSharing(3_000);
        assertThat(sharing.shouldSend("room", ANN, 2.0, 0)).as("first time").isTrue();
        assertThat(sharing.shouldSend("room", ANN, 2.3, 1_000)).as("0.3 ms: within an election's tie").isFalse();
        assertThat(sharing.shouldSend("room", ANN, 2.6, 2_000)).as("0.6 ms and 30% from the last shared").isTrue();
        assertThat(sharing.shouldSend("room", ANN, 2.6, 4_000)).isFalse();
        assertThat(sharing.shouldSend("room", ANN, 2.6, 5_000)).as("refreshed before it expires").isTrue();

        assertThat(sharing.shouldSend("room", ANN, 40.0, 5_100)).isTrue();
        assertThat(sharing.shouldSend("room", ANN, 46.0, 5_200)).as("6 ms is only 15% of 40").isFalse();
        assertThat(sharing.shouldSend("room", ANN, 49.0, 5_300)).isTrue();
    }

    @Test
    void eachMemberAndRoomIsTrackedApartAndALostLinkStartsOver() {
        ScoreSharing sharing = new ScoreSharing(3_000);
        assertThat(sharing.shouldSend("room", ANN, 2.0, 0)).isTrue();
        assertThat(sharing.shouldSend("room", BOB, 2.0, 0)).isTrue();
        assertThat(sharing.shouldSend("other", ANN, 2.0, 0)).isTrue();
        assertThat(sharing.shouldSend("room", ANN, 2.0, 100)).isFalse();

        sharing.forget(ANN);
        assertThat(sharing.shouldSend("room", ANN, 2.0, 200)).as("the device at the other end may have restarted").isTrue();
        assertThat(sharing.shouldSend("other", ANN, 2.0, 200)).isTrue();
        assertThat(sharing.shouldSend("room", BOB, 2.0, 200)).isFalse();
    }
}
