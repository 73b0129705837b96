package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peershelf.registry.TestDevices.FRESHNESS;
import static org.peershelf.registry.TestDevices.FRESH_SINCE;
import static org.peershelf.registry.TestDevices.NOW;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.VoteOutcome;

/**
 * Vote stuffing does not remove a device: one device voting many times counts once, votes of offline
 * devices do not count, and a vote written under a voter id the writer does not own (no valid
 * signature of that voter) does not count. Four devices online, ratio 0.5: two honest votes remove.
 */
@Tag("integration")
class SignedVotesTest extends RegistryServerTestCase {
    private String database;
    private final DeviceIdentity target = DeviceIdentity.generate();
    private final DeviceIdentity a = DeviceIdentity.generate();
    private final DeviceIdentity b = DeviceIdentity.generate();
    private final DeviceIdentity c = DeviceIdentity.generate();
    private final DeviceIdentity offline = DeviceIdentity.generate();
    private MongoRegistry all;

    @BeforeEach
    void announceEveryone() {
        database = registries.newDatabaseName();
        all = registries.openSigningRegistry(database);
        for (DeviceIdentity d : List.of(target, a, b, c, offline)) {
            all.addSigner(d);
        }
        for (DeviceIdentity d : List.of(target, a, b, c)) {
            all.announce(entry(d, NOW));
        }
        all.announce(entry(offline, FRESH_SINCE - 1));
    }

    @AfterEach
    void close() {
        all.close();
    }

    private static OnlineDevice entry(DeviceIdentity d, long heartbeat) {
        return new OnlineDevice(d.deviceId(), new UserId("u-" + d.deviceId().shortForm()), "127.0.0.1", 4000, 1, heartbeat,
                Set.of());
    }

    /** A registry client that holds only {@code keys} (what an attacker with registry access has). */
    private MongoRegistry clientOf(DeviceIdentity... keys) {
        MongoRegistry client = registries.openSigningRegistry(database);
        for (DeviceIdentity k : keys) {
            client.addSigner(k);
        }
        return client;
    }

    @Test
    void oneDeviceVotingManyTimesCountsOnce() {
        try (MongoRegistry mallory = clientOf(a)) {
            VoteOutcome last = null;
            for (int i = 0; i < 10; i++) {
                last = mallory.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);
            }
            assertThat(last).isEqualTo(new VoteOutcome(true, 1, 3, false));
        }
        assertThat(all.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId).contains(target.deviceId());
    }

    @Test
    void votesOfOfflineDevicesDoNotCount() {
        all.voteAgainst(target.deviceId(), 1, offline.deviceId(), 0.5, FRESH_SINCE);
        VoteOutcome outcome = all.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);

        assertThat(outcome).isEqualTo(new VoteOutcome(true, 1, 3, false));
    }

    @Test
    void votesUnderVoterIdsTheWriterDoesNotOwnDoNotCount() {
        try (MongoRegistry mallory = clientOf(a)) {
            // b and c are online, but mallory holds only a's key: those votes go in unsigned
            mallory.voteAgainst(target.deviceId(), 1, b.deviceId(), 0.5, FRESH_SINCE);
            mallory.voteAgainst(target.deviceId(), 1, c.deviceId(), 0.5, FRESH_SINCE);
            VoteOutcome outcome = mallory.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);

            assertThat(outcome.validVoters()).isEqualTo(1);
            assertThat(outcome.removed()).isFalse();
        }
        assertThat(all.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId).contains(target.deviceId());
    }

    @Test
    void aVoteSignatureCopiedToAnotherVoterDoesNotCount() {
        try (MongoRegistry honestA = clientOf(a)) {
            honestA.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);
        }
        var online = registries.database(database).getCollection(RegistryCollections.ONLINE_DEVICES);
        var doc = online.find(com.mongodb.client.model.Filters.eq("_id", target.deviceId().value())).first();
        org.bson.Document aSignature = (org.bson.Document) ((org.bson.Document) doc.get("voteSignatures")).get(a.deviceId().value());
        online.updateOne(com.mongodb.client.model.Filters.eq("_id", target.deviceId().value()),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.addToSet("voters", b.deviceId().value()),
                        com.mongodb.client.model.Updates.set("voteSignatures." + b.deviceId().value(), aSignature)));

        VoteOutcome outcome = all.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);

        assertThat(outcome.validVoters()).isEqualTo(1);
        assertThat(outcome.removed()).isFalse();
    }

    @Test
    void twoHonestSignedVotesOfThreeStillRemoveTheTarget() {
        try (MongoRegistry honestA = clientOf(a); MongoRegistry honestB = clientOf(b)) {
            honestA.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);
            VoteOutcome outcome = honestB.voteAgainst(target.deviceId(), 1, b.deviceId(), 0.5, FRESH_SINCE);

            assertThat(outcome).isEqualTo(new VoteOutcome(true, 2, 3, true));
        }
        assertThat(all.onlineDevices(FRESH_SINCE)).extracting(OnlineDevice::deviceId).doesNotContain(target.deviceId());
    }

    private org.bson.Document voteOf(DeviceIdentity voter) {
        var doc = onlineCollection().find(com.mongodb.client.model.Filters.eq("_id", target.deviceId().value())).first();
        return (org.bson.Document) ((org.bson.Document) doc.get("voteSignatures")).get(voter.deviceId().value());
    }

    private com.mongodb.client.MongoCollection<org.bson.Document> onlineCollection() {
        return registries.database(database).getCollection(RegistryCollections.ONLINE_DEVICES);
    }

    /** What a registry user can do with a vote copied earlier: put it back under its voter. */
    private void putBack(DeviceIdentity voter, org.bson.Document vote) {
        onlineCollection().updateOne(com.mongodb.client.model.Filters.eq("_id", target.deviceId().value()),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.addToSet("voters", voter.deviceId().value()),
                        com.mongodb.client.model.Updates.set("voteSignatures." + voter.deviceId().value(), vote)));
    }

    @Test
    void aVoteReplayedFromAnEarlierSessionOfTheVoterDoesNotCount() {
        all.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);
        org.bson.Document oldVote = voteOf(a);
        all.withdrawVote(target.deviceId(), a.deviceId());
        // a restarts (a new session) and can reach the target; its old vote is put back
        all.announce(new OnlineDevice(a.deviceId(), new UserId("u-" + a.deviceId().shortForm()), "127.0.0.1", 4000, 2,
                NOW, Set.of()));
        putBack(a, oldVote);

        VoteOutcome outcome = all.voteAgainst(target.deviceId(), 1, b.deviceId(), 0.5, FRESH_SINCE);

        assertThat(outcome.validVoters()).isEqualTo(1);
        assertThat(outcome.removed()).isFalse();
    }

    @Test
    void aWithdrawnVotePutBackAfterItsLifetimeDoesNotCount() {
        all.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);
        org.bson.Document oldVote = voteOf(a);
        all.withdrawVote(target.deviceId(), a.deviceId());
        assertThat(voteOf(a)).isNull(); // withdrawing removes the signature too
        long later = NOW + 61_000;
        for (DeviceIdentity d : List.of(target, a, b, c)) {
            assertThat(all.heartbeat(d.deviceId(), 1, later)).isTrue();
        }
        putBack(a, oldVote);

        VoteOutcome outcome = all.voteAgainst(target.deviceId(), 1, b.deviceId(), 0.5, later - FRESHNESS);

        assertThat(outcome.validVoters()).isEqualTo(1);
        assertThat(outcome.removed()).isFalse();
        assertThat(all.onlineDevices(later - FRESHNESS)).extracting(OnlineDevice::deviceId).contains(target.deviceId());
    }

    @Test
    void aVoteWithinItsLifetimeStillCountsWithALaterOne() {
        all.voteAgainst(target.deviceId(), 1, a.deviceId(), 0.5, FRESH_SINCE);
        long later = NOW + 20_000;
        for (DeviceIdentity d : List.of(target, a, b, c)) {
            all.heartbeat(d.deviceId(), 1, later);
        }
        VoteOutcome outcome = all.voteAgainst(target.deviceId(), 1, b.deviceId(), 0.5, later - FRESHNESS);

        assertThat(outcome).isEqualTo(new VoteOutcome(true, 2, 3, true));
    }

    @Test
    void anOldOnlineDocumentPutBackAfterTheDeviceLeftIsNotOnline() {
        var old = onlineCollection().find(com.mongodb.client.model.Filters.eq("_id", a.deviceId().value())).first();
        all.leave(a.deviceId(), 1);
        onlineCollection().insertOne(old); // validly signed, but its signed heartbeat is old
        long later = NOW + 60_000;
        for (DeviceIdentity d : List.of(target, b, c)) {
            all.heartbeat(d.deviceId(), 1, later);
        }
        assertThat(all.onlineDevices(later - FRESHNESS)).extracting(OnlineDevice::deviceId)
                .containsExactlyInAnyOrder(target.deviceId(), b.deviceId(), c.deviceId());
        // nor can it be made fresh: a newer lastHeartbeat does not match its heartbeat signature
        onlineCollection().updateOne(com.mongodb.client.model.Filters.eq("_id", a.deviceId().value()),
                com.mongodb.client.model.Updates.set("lastHeartbeat", later));
        assertThat(all.onlineDevices(later - FRESHNESS)).extracting(OnlineDevice::deviceId)
                .doesNotContain(a.deviceId());
    }
}
