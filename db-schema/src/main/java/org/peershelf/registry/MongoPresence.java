package org.peershelf.registry;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.VoteArithmetic;
import org.peershelf.protocol.registry.VoteOutcome;
import org.peershelf.registry.mapping.DocumentSignatures;
import org.peershelf.registry.mapping.OnlineDeviceDocuments;

/**
 * The online list. Every write is one atomic single-document operation conditioned on the session
 * epoch where it matters, so a late heartbeat, leave or vote of an old session never touches a new one.
 * No transactions and no TTL: the embedded registry has neither.
 */
final class MongoPresence {
    private static final String ID = OnlineDeviceDocuments.ID;
    private static final String EPOCH = OnlineDeviceDocuments.EPOCH;
    private static final String LAST_HEARTBEAT = OnlineDeviceDocuments.LAST_HEARTBEAT;
    private static final String VOTERS = OnlineDeviceDocuments.VOTERS;

    private final MongoCollection<Document> online;
    private final RegistryCalls calls;
    private final MalformedDocuments malformed;
    private final DocumentSignatures signatures;

    MongoPresence(MongoDatabase database, RegistryCalls calls, MalformedDocuments malformed,
                  DocumentSignatures signatures) {
        this.signatures = signatures;
        this.online = database.getCollection(RegistryCollections.ONLINE_DEVICES);
        this.calls = calls;
        this.malformed = malformed;
    }

    void announce(OnlineDevice device) {
        OnlineDevice fresh = device.withVoters(Set.of());
        Document doc = signatures.signOnline(fresh, OnlineDeviceDocuments.toDocument(fresh));
        calls.run(() -> online.replaceOne(eq(ID, device.deviceId().value()), doc, new ReplaceOptions().upsert(true)));
    }

    boolean heartbeat(DeviceId deviceId, long epoch, long nowMillis) {
        Bson update = signatures.signHeartbeat(deviceId, epoch, nowMillis)
                .map(sig -> Updates.combine(Updates.set(LAST_HEARTBEAT, nowMillis),
                        Updates.set(OnlineDeviceDocuments.HEARTBEAT_SIGNATURE, sig)))
                .orElse(Updates.set(LAST_HEARTBEAT, nowMillis));
        return calls.call(() -> online.updateOne(session(deviceId, epoch), update).getMatchedCount() > 0);
    }

    void leave(DeviceId deviceId, long epoch) {
        calls.run(() -> online.deleteOne(session(deviceId, epoch)));
    }

    List<OnlineDevice> onlineDevices(long freshSinceMillis) {
        List<Document> docs = calls.call(() -> online.find(gte(LAST_HEARTBEAT, freshSinceMillis))
                .sort(Sorts.ascending(ID)).into(new ArrayList<>()));
        List<OnlineDevice> devices = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            readVerified(doc).ifPresent(read -> devices.add(read.device()));
        }
        return devices;
    }

    private record VerifiedOnline(OnlineDevice device, Document doc) {
    }

    /**
     * The device of an online document whose signatures verify. A document that fails is read once
     * more before it is skipped: the embedded server can return a document in the middle of a
     * heartbeat's update (the new time with the old signature), which a second read gets whole.
     */
    private Optional<VerifiedOnline> readVerified(Document doc) {
        try {
            return Optional.of(new VerifiedOnline(signatures.verifiedOnline(doc), doc));
        } catch (IllegalArgumentException first) {
            Document again = calls.call(() -> online.find(eq(ID, doc.get(ID))).first());
            return again == null ? Optional.empty()
                    : malformed.read(RegistryCollections.ONLINE_DEVICES, again, signatures::verifiedOnline)
                            .map(device -> new VerifiedOnline(device, again));
        }
    }

    /**
     * Add the vote (a set, so it counts once), count against a fresh read of who is online, and remove
     * the session only if it is still the same session. Two voters passing the ratio at once both try
     * the conditioned delete; exactly one deletes, the other learns the target is gone.
     */
    VoteOutcome voteAgainst(DeviceId target, long targetEpoch, DeviceId voter, double ratio, long freshSinceMillis) {
        // the vote names the voter's own session: only a client holding the voter's key signs, so read its epoch
        Optional<Document> signed = signatures.keys().find(voter).isEmpty() ? Optional.empty()
                : Optional.ofNullable(calls.call(() -> online.find(eq(ID, voter.value())).first()))
                        .flatMap(own -> signatures.signVote(target, targetEpoch, voter,
                                OnlineDeviceDocuments.epochOr(own, -1), freshSinceMillis));
        Bson vote = signed
                .map(sig -> Updates.combine(Updates.addToSet(VOTERS, voter.value()),
                        Updates.set(OnlineDeviceDocuments.VOTE_SIGNATURES + "." + voter.value(), sig)))
                .orElse(Updates.addToSet(VOTERS, voter.value()));
        Document after = calls.call(() -> online.findOneAndUpdate(session(target, targetEpoch), vote,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        if (after == null) {
            return VoteOutcome.targetGone();
        }
        // only votes signed by a device that is online with a verified entry count (forged voter ids do not)
        Map<DeviceId, Document> onlineNow = verifiedOnline(freshSinceMillis);
        List<DeviceId> counted = OnlineDeviceDocuments.voters(after).stream()
                .filter(v -> onlineNow.containsKey(v)
                        && signatures.voteCounts(after, v, DocumentSignatures.publicKeyOf(onlineNow.get(v)),
                                OnlineDeviceDocuments.epochOr(onlineNow.get(v), -1), freshSinceMillis))
                .toList();
        VoteOutcome outcome = VoteArithmetic.evaluate(counted, onlineNow.keySet(), target, ratio);
        if (!outcome.removed()) {
            return outcome;
        }
        long deleted = calls.call(() -> online.deleteOne(session(target, targetEpoch)).getDeletedCount());
        return deleted == 1 ? outcome
                : new VoteOutcome(false, outcome.validVoters(), outcome.otherOnlineDevices(), false);
    }

    void withdrawVote(DeviceId target, DeviceId voter) {
        // the signature goes too, so the vote cannot simply be put back (it would be stale soon anyway)
        calls.run(() -> online.updateOne(eq(ID, target.value()), Updates.combine(Updates.pull(VOTERS, voter.value()),
                Updates.unset(OnlineDeviceDocuments.VOTE_SIGNATURES + "." + voter.value()))));
    }

    /** Fresh online entries whose signatures verify, by device id (the raw documents, for their keys). */
    private Map<DeviceId, Document> verifiedOnline(long freshSinceMillis) {
        List<Document> docs = calls.call(() -> online.find(gte(LAST_HEARTBEAT, freshSinceMillis)).into(new ArrayList<>()));
        Map<DeviceId, Document> verified = new HashMap<>();
        for (Document doc : docs) {
            readVerified(doc).ifPresent(read -> verified.put(read.device().deviceId(), read.doc()));
        }
        return verified;
    }

    private static Bson session(DeviceId deviceId, long epoch) {
        return and(eq(ID, deviceId.value()), eq(EPOCH, epoch));
    }
}
