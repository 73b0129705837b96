package org.peershelf.registry;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.conversions.Bson;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.registry.mapping.DocumentSignatures;
import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.RoomRecord;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.registry.mapping.RoomDocuments;
import org.peershelf.registry.mapping.RoomFields;

/**
 * The room directory. The host claim is one {@code findOneAndUpdate} filtered on the expected epoch
 * (compare-and-set): of two members claiming at once exactly one matches, the other gets nothing back.
 * No transactions anywhere, as the embedded registry has none.
 */
final class MongoRooms {
    private static final int MEMBER_CHANGE_ATTEMPTS = 5;
    private final MongoCollection<Document> rooms;
    private final RegistryCalls calls;
    private final MalformedDocuments malformed;
    private final DocumentSignatures signatures;
    private final Function<DeviceId, Optional<DeviceRecord>> devices;
    private final NewestSeen epochs = new NewestSeen();

    /** @param devices verified device records by id, for the keys that signed the rooms */
    MongoRooms(MongoDatabase database, RegistryCalls calls, MalformedDocuments malformed,
               DocumentSignatures signatures, Function<DeviceId, Optional<DeviceRecord>> devices) {
        this.signatures = signatures;
        this.devices = devices;
        this.rooms = database.getCollection(RegistryCollections.ROOMS);
        this.calls = calls;
        this.malformed = malformed;
    }

    void createRoom(RoomRecord room) {
        calls.run(() -> {
            try {
                rooms.insertOne(signatures.signRoom(room, RoomDocuments.toDocument(room)));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // a retried create that had reached the registry: the unique roomId index kept the first
            }
        });
    }

    Optional<RoomRecord> findRoom(String roomId) {
        Document doc = calls.call(() -> rooms.find(eq(RoomFields.ROOM_ID, roomId)).first());
        return read(doc);
    }

    /** Rooms whose signed member list names {@code member} (the queryable {@code members} may have been edited). */
    List<RoomRecord> roomsOf(DeviceId member) {
        List<Document> docs = calls.call(() -> rooms.find(or(eq(RoomFields.MEMBERS, member.value()),
                eq(RoomFields.SIGNED_MEMBERS, member.value()))).into(new ArrayList<>()));
        List<RoomRecord> found = new ArrayList<>(docs.size());
        docs.forEach(doc -> read(doc).filter(room -> room.members().contains(member)).ifPresent(found::add));
        return found;
    }

    Optional<RoomRecord> claimHost(String roomId, long expectedEpoch, DeviceId newHost) {
        // the new host signs the member list for its epoch (read first: claims are rare, and the old host is gone)
        Document before = calls.call(() -> rooms.find(eq(RoomFields.ROOM_ID, roomId)).first());
        Optional<RoomRecord> current = read(before);
        Document after = calls.call(() -> rooms.findOneAndUpdate(
                and(eq(RoomFields.ROOM_ID, roomId), eq(RoomFields.EPOCH, expectedEpoch), eq(RoomFields.DELETED, false)),
                claim(roomId, expectedEpoch + 1, newHost, current.map(RoomRecord::members)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return read(after);
    }

    /** @param members the verified members before the claim; none if the room did not verify (then none are signed) */
    private Bson claim(String roomId, long epoch, DeviceId newHost, Optional<List<DeviceId>> members) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set(RoomFields.CURRENT_HOST, newHost.value()),
                Updates.set(RoomFields.EPOCH, epoch)));
        signatures.signHostClaim(roomId, newHost, epoch).ifPresent(sig -> sets.add(Updates.set(RoomFields.HOST_SIGNATURE, sig)));
        members.ifPresent(list -> {
            List<String> ids = list.stream().map(DeviceId::value).distinct().toList();
            signatures.signMembers(roomId, newHost, epoch, ids).ifPresent(sig -> {
                sets.add(Updates.set(RoomFields.SIGNED_MEMBERS, ids));
                sets.add(Updates.set(RoomFields.MEMBERS_SIGNATURE, sig));
            });
        });
        return Updates.combine(sets);
    }

    void addMember(String roomId, DeviceId member) {
        if (!changeSignedMembers(roomId, members -> members.add(member))) {
            calls.run(() -> rooms.updateOne(eq(RoomFields.ROOM_ID, roomId), Updates.addToSet(RoomFields.MEMBERS, member.value())));
        }
    }

    void removeMember(String roomId, DeviceId member) {
        if (!changeSignedMembers(roomId, members -> members.remove(member))) {
            calls.run(() -> rooms.updateOne(eq(RoomFields.ROOM_ID, roomId), Updates.pull(RoomFields.MEMBERS, member.value())));
        }
    }

    /**
     * Where this client holds the current host's key: change the signed list and re-sign it, as one
     * update conditioned on the epoch and on the previous signature (compare-and-set; retried if another
     * change came first). False if this client cannot sign for the host (a member removing itself).
     */
    private boolean changeSignedMembers(String roomId, java.util.function.Consumer<java.util.Set<DeviceId>> change) {
        for (int attempt = 0; attempt < MEMBER_CHANGE_ATTEMPTS; attempt++) {
            Document doc = calls.call(() -> rooms.find(eq(RoomFields.ROOM_ID, roomId)).first());
            Optional<RoomRecord> room = read(doc);
            if (room.isEmpty() || signatures.keys().find(room.get().currentHost()).isEmpty()) {
                return false;
            }
            java.util.Set<DeviceId> members = new java.util.LinkedHashSet<>(room.get().members());
            change.accept(members);
            List<String> ids = members.stream().map(DeviceId::value).toList();
            String sig = signatures.signMembers(roomId, room.get().currentHost(), room.get().epoch(), ids).orElseThrow();
            Object previous = doc.get(RoomFields.MEMBERS_SIGNATURE);
            long matched = calls.call(() -> rooms.updateOne(
                    and(eq(RoomFields.ROOM_ID, roomId), eq(RoomFields.EPOCH, room.get().epoch()),
                            eq(RoomFields.MEMBERS_SIGNATURE, previous)),
                    Updates.combine(Updates.set(RoomFields.MEMBERS, ids), Updates.set(RoomFields.SIGNED_MEMBERS, ids),
                            Updates.set(RoomFields.MEMBERS_SIGNATURE, sig))).getMatchedCount());
            if (matched > 0) {
                return true;
            }
        }
        throw new RegistryUnavailableException("The members of room " + roomId
                + " kept changing while this device updated them; try again.", null);
    }

    boolean markDeleted(String roomId, UserId byUser) {
        return calls.call(() -> rooms.updateOne(
                and(eq(RoomFields.ROOM_ID, roomId), eq(RoomFields.ORIGINAL_USER, byUser.value())),
                deletion(roomId, byUser)).getMatchedCount() > 0);
    }

    private Bson deletion(String roomId, UserId byUser) {
        return signatures.signDeletion(roomId, byUser)
                .map(signed -> Updates.combine(Updates.set(RoomFields.DELETED, true),
                        Updates.set(RoomFields.DELETED_BY, signed.getKey().value()),
                        Updates.set(RoomFields.DELETED_SIGNATURE, signed.getValue())))
                .orElse(Updates.set(RoomFields.DELETED, true));
    }

    private Optional<RoomRecord> read(Document doc) {
        return doc == null ? Optional.empty()
                : malformed.read(RegistryCollections.ROOMS, doc, d -> notReplayed(signatures.verifiedRoom(d, devices)));
    }

    /** Epochs only grow (claims compare-and-set +1): an older one than seen is an old document put back. */
    private RoomRecord notReplayed(RoomRecord room) {
        if (!epochs.accept(room.roomId(), room.epoch())) {
            throw new IllegalArgumentException("its epoch " + room.epoch() + " is older than one already read (a replay)");
        }
        return room;
    }
}
