package org.peershelf.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;

class VoteArithmeticTest {
    private static final DeviceId TARGET = device('0');
    private static final DeviceId A = device('a');
    private static final DeviceId B = device('b');
    private static final DeviceId C = device('c');
    private static final DeviceId D = device('d');
    private static final DeviceId OFFLINE = device('e');

    @Test
    void ratioIsStrictlyGreaterNotGreaterOrEqual() {
        // 2 of 4 others is exactly 0.5: not enough for r = 0.5
        VoteOutcome half = VoteArithmetic.evaluate(List.of(A, B), List.of(TARGET, A, B, C, D), TARGET, 0.5);
        assertThat(half).isEqualTo(new VoteOutcome(true, 2, 4, false));

        VoteOutcome threeQuarters = VoteArithmetic.evaluate(List.of(A, B, C), List.of(TARGET, A, B, C, D), TARGET, 0.5);
        assertThat(threeQuarters).isEqualTo(new VoteOutcome(true, 3, 4, true));
    }

    @Test
    void justAboveTheRatioPasses() {
        assertThat(VoteArithmetic.passes(1, 2, 0.49)).isTrue();
        assertThat(VoteArithmetic.passes(1, 2, 0.5)).isFalse();
        assertThat(VoteArithmetic.passes(2, 2, 0.99)).isTrue();
        assertThat(VoteArithmetic.passes(2, 2, 1.0)).isFalse();
    }

    @Test
    void ratioZeroNeedsOneVote() {
        assertThat(VoteArithmetic.passes(0, 3, 0.0)).isFalse();
        assertThat(VoteArithmetic.passes(1, 3, 0.0)).isTrue();
    }

    @Test
    void targetVotingForItselfDoesNotCount() {
        VoteOutcome outcome = VoteArithmetic.evaluate(List.of(TARGET), List.of(TARGET, A), TARGET, 0.0);

        assertThat(outcome.validVoters()).isZero();
        assertThat(outcome.otherOnlineDevices()).isEqualTo(1);
        assertThat(outcome.removed()).isFalse();
    }

    @Test
    void offlineVotersDoNotCount() {
        VoteOutcome outcome = VoteArithmetic.evaluate(List.of(A, OFFLINE), List.of(TARGET, A, B), TARGET, 0.5);

        assertThat(outcome.validVoters()).isEqualTo(1);
        assertThat(outcome.otherOnlineDevices()).isEqualTo(2);
        assertThat(outcome.removed()).isFalse();
    }

    @Test
    void targetIsNotCountedAmongTheOthersEvenIfOffline() {
        assertThat(VoteArithmetic.otherOnline(List.of(A, B), TARGET)).isEqualTo(2);
        assertThat(VoteArithmetic.otherOnline(List.of(TARGET, A, B), TARGET)).isEqualTo(2);
    }

    @Test
    void duplicateVotersAndDuplicateOnlineEntriesCountOnce() {
        VoteOutcome outcome = VoteArithmetic.evaluate(List.of(A, A, A), List.of(TARGET, A, A, B), TARGET, 0.5);

        assertThat(outcome.validVoters()).isEqualTo(1);
        assertThat(outcome.otherOnlineDevices()).isEqualTo(2);
        assertThat(outcome.removed()).isFalse();
    }

    @Test
    void noOtherOnlineDevicesMeansNeverRemoved() {
        assertThat(VoteArithmetic.evaluate(List.of(), List.of(TARGET), TARGET, 0.0).removed()).isFalse();
        assertThat(VoteArithmetic.evaluate(List.of(OFFLINE), List.of(), TARGET, 0.0).removed()).isFalse();
        assertThat(VoteArithmetic.passes(0, 0, -1.0)).isFalse();
    }

    private static DeviceId device(char fill) {
        return DeviceId.of(String.valueOf(fill).repeat(40));
    }
}
