package org.peershelf.protocol.chat.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;

class ElectionTest {
    private static final DeviceId A = id('a');
    private static final DeviceId B = id('b');
    private static final DeviceId C = id('c');
    private static final DeviceId D = id('d');

    private static DeviceId id(char c) {
        return DeviceId.of(String.valueOf(c).repeat(40));
    }

    @Test
    void lowestScoreWins() {
        assertThat(Election.pick("room", 0, Map.of(A, 3.2, B, 0.9, C, 7.0))).contains(B);
    }

    @Test
    void unknownScoresRankLast() {
        assertThat(Election.pick("room", 0, Map.of(A, Double.NaN, B, 40.0, C, Double.POSITIVE_INFINITY))).contains(B);
        assertThat(Election.pick("room", 0, Map.of(A, Double.NaN))).contains(A);
        assertThat(Election.pick("room", 0, Map.of())).isEmpty();
    }

    @Test
    void tiesAreResolvedIdenticallyWhateverTheOrderMembersSeeThemIn() {
        // scores within one 0.5 ms bucket are a tie
        Map<DeviceId, Double> one = new LinkedHashMap<>();
        one.put(A, 1.1);
        one.put(B, 1.2);
        one.put(C, 1.4);
        one.put(D, 9.0);
        Map<DeviceId, Double> other = new TreeMap<>(java.util.Comparator.reverseOrder());
        other.putAll(one);
        for (long epoch = 0; epoch < 20; epoch++) {
            DeviceId winner = Election.pick("room-x", epoch, one).orElseThrow();
            assertThat(Election.pick("room-x", epoch, other)).contains(winner);
            assertThat(Election.pick("room-x", epoch, new HashMap<>(one))).contains(winner);
            assertThat(winner).isIn(A, B, C);
        }
    }

    @Test
    void tieBreakIsRandomAcrossEpochsSoNoDeviceAlwaysWins() {
        Map<DeviceId, Double> tied = Map.of(A, 1.0, B, 1.0, C, 1.0, D, 1.0);
        java.util.Set<DeviceId> winners = new java.util.HashSet<>();
        for (long epoch = 0; epoch < 40; epoch++) {
            winners.add(Election.pick("room-y", epoch, tied).orElseThrow());
        }
        assertThat(winners).hasSizeGreaterThan(1);
        assertThat(List.of(A, B, C, D)).containsAll(winners);
    }
}
