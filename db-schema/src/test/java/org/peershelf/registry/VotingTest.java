package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;
import static org.peershelf.registry.TestDevices.device;
import static org.peershelf.registry.TestDevices.online;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.VoteOutcome;
import org.peershelf.registry.mapping.OnlineDeviceDocuments;

@Tag("integration")
class VotingTest extends RegistryTestCase {
    private static final DeviceId TARGET = device(1);
    private static final DeviceId A = device(0xa);
    private static final DeviceId B = device(0xb);
    private static final DeviceId C = device(0xc);
    private static final DeviceId D = device(0xd);
    private static final DeviceId STALE = device(0x5);

    @Test
    void voterCountsOnceWhenVotingTwice() {
        announceFresh(TARGET, A, B, C, D);

        registry.voteAgainst(TARGET, 1, A, 0.5, FRESH_SINCE);
        VoteOutcome second = registry.voteAgainst(TARGET, 1, A, 0.5, FRESH_SINCE);

        assertThat(second).isEqualTo(new VoteOutcome(true, 1, 4, false));
        assertThat(storedVoters(TARGET)).containsExactly(A.value());
    }

    @Test
    void onlyOnlineVotersCount() {
        announceFresh(TARGET, A, B);
        registry.announce(online(STALE, 1, FRESH_SINCE - 1));

        registry.voteAgainst(TARGET, 1, STALE, 0.5, FRESH_SINCE);
        VoteOutcome withA = registry.voteAgainst(TARGET, 1, A, 0.5, FRESH_SINCE);
        assertThat(withA).as("1 of 2 fresh others; the stale vote is recorded but not counted")
                .isEqualTo(new VoteOutcome(true, 1, 2, false));

        VoteOutcome withB = registry.voteAgainst(TARGET, 1, B, 0.5, FRESH_SINCE);
        assertThat(withB).isEqualTo(new VoteOutcome(true, 2, 2, true));
        assertThat(onlineIds()).containsExactly(A, B);
    }

    @Test
    void removalNeedsMoreThanTheRatio() {
        announceFresh(TARGET, A, B);

        assertThat(registry.voteAgainst(TARGET, 1, A, 0.5, FRESH_SINCE).removed()).as("1/2 is not > 0.5").isFalse();
        assertThat(onlineIds()).contains(TARGET);
    }

    @Test
    void removalIsConditionedOnEpoch() {
        announceFresh(TARGET, A, B);
        registry.voteAgainst(TARGET, 1, A, 0.5, FRESH_SINCE);
        registry.announce(online(TARGET, 2, NOW)); // it came back in a new session

        VoteOutcome lateVote = registry.voteAgainst(TARGET, 1, B, 0.0, FRESH_SINCE);

        assertThat(lateVote).isEqualTo(VoteOutcome.targetGone());
        OnlineDevice entry = registry.onlineDevices(FRESH_SINCE).stream()
                .filter(d -> d.deviceId().equals(TARGET)).findFirst().orElseThrow();
        assertThat(entry.epoch()).isEqualTo(2);
        assertThat(entry.voters()).as("a vote against the old session does not land on the new one").isEmpty();
    }

    @Test
    void voteAgainstAnAbsentTargetReportsGone() {
        announceFresh(A);

        assertThat(registry.voteAgainst(TARGET, 1, A, 0.5, FRESH_SINCE)).isEqualTo(VoteOutcome.targetGone());
    }

    @Test
    void targetVotingForItselfDoesNotCount() {
        announceFresh(TARGET, A);

        VoteOutcome outcome = registry.voteAgainst(TARGET, 1, TARGET, 0.0, FRESH_SINCE);

        assertThat(outcome).isEqualTo(new VoteOutcome(true, 0, 1, false));
        assertThat(onlineIds()).contains(TARGET);
    }

    @Test
    void deviceAloneIsNeverVotedOut() {
        announceFresh(TARGET);
        registry.announce(online(STALE, 1, FRESH_SINCE - 1));

        VoteOutcome outcome = registry.voteAgainst(TARGET, 1, STALE, 0.0, FRESH_SINCE);

        assertThat(outcome).isEqualTo(new VoteOutcome(true, 0, 0, false));
    }

    @Test
    void withdrawnVoteNoLongerCounts() {
        announceFresh(TARGET, A, B, C);
        registry.voteAgainst(TARGET, 1, A, 0.5, FRESH_SINCE);

        registry.withdrawVote(TARGET, A);
        VoteOutcome outcome = registry.voteAgainst(TARGET, 1, B, 0.5, FRESH_SINCE);

        assertThat(outcome).isEqualTo(new VoteOutcome(true, 1, 3, false));
        assertThat(storedVoters(TARGET)).containsExactly(B.value());
        registry.withdrawVote(device(0x99), A); // no such target: a no-op
    }

    @Test
    void concurrentVotersRemoveTheTargetExactlyOnce() throws Exception {
        List<DeviceId> voters = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            voters.add(device(0x100 + i));
        }
        announceFresh(TARGET);
        voters.forEach(v -> registry.announce(online(v, 1, NOW)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(voters.size());
        try {
            List<Future<VoteOutcome>> futures = new ArrayList<>();
            for (DeviceId voter : voters) {
                Callable<VoteOutcome> vote = () -> {
                    start.await();
                    return registry.voteAgainst(TARGET, 1, voter, 0.5, FRESH_SINCE);
                };
                futures.add(pool.submit(vote));
            }
            start.countDown();
            List<VoteOutcome> outcomes = new ArrayList<>();
            for (Future<VoteOutcome> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes).filteredOn(VoteOutcome::removed).hasSize(1);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.validVoters()).isLessThanOrEqualTo(voters.size()));
            assertThat(onlineIds()).doesNotContain(TARGET).hasSize(voters.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private void announceFresh(DeviceId... ids) {
        for (DeviceId id : ids) {
            registry.announce(online(id, 1, NOW));
        }
    }

    private List<DeviceId> onlineIds() {
        return registry.onlineDevices(FRESH_SINCE).stream().map(OnlineDevice::deviceId).toList();
    }

    private List<String> storedVoters(DeviceId target) {
        Document doc = registries.database(database).getCollection(RegistryCollections.ONLINE_DEVICES)
                .find(new Document(OnlineDeviceDocuments.ID, target.value())).first();
        assertThat(doc).isNotNull();
        return doc.getList(OnlineDeviceDocuments.VOTERS, String.class);
    }
}
