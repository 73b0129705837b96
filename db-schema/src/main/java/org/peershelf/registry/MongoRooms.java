package org.peershelf.registry;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

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
import org.peershelf.registry.mapping.RoomDocuments;
import org.peershelf.registry.mapping.RoomFields;

/**
 * The room directory. The host claim is one {@code findOneAndUpdate} filtered on the expected epoch
 * (compare-and-set): of two members claiming at once exactly one matches, the other gets nothing back.
 * No transactions anywhere, as the embedded registry has none.
 */
final class MongoRooms {
    private final MongoCollection<Document> rooms;
    private final RegistryCalls calls;
    private final MalformedDocuments malformed;
    private final DocumentSignatures signatures;
    private final Function<DeviceId, Optional<DeviceRecord>> devices;

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

    List<RoomRecord> roomsOf(DeviceId member) {
        List<Document> docs = calls.call(() -> rooms.find(eq(RoomFields.MEMBERS, member.value())).into(new ArrayList<>()));
        List<RoomRecord> found = new ArrayList<>(docs.size());
        docs.forEach(doc -> read(doc).ifPresent(found::add));
        return found;
    }

    Optional<RoomRecord> claimHost(String roomId, long expectedEpoch, DeviceId newHost) {
        Document after = calls.call(() -> rooms.findOneAndUpdate(
                and(eq(RoomFields.ROOM_ID, roomId), eq(RoomFields.EPOCH, expectedEpoch), eq(RoomFields.DELETED, false)),
                claim(roomId, expectedEpoch + 1, newHost),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return read(after);
    }

    private Bson claim(String roomId, long epoch, DeviceId newHost) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set(RoomFields.CURRENT_HOST, newHost.value()),
                Updates.set(RoomFields.EPOCH, epoch)));
        signatures.signHostClaim(roomId, newHost, epoch).ifPresent(sig -> sets.add(Updates.set(RoomFields.HOST_SIGNATURE, sig)));
        return Updates.combine(sets);
    }

    void addMember(String roomId, DeviceId member) {
        calls.run(() -> rooms.updateOne(eq(RoomFields.ROOM_ID, roomId), Updates.addToSet(RoomFields.MEMBERS, member.value())));
    }

    void removeMember(String roomId, DeviceId member) {
        calls.run(() -> rooms.updateOne(eq(RoomFields.ROOM_ID, roomId), Updates.pull(RoomFields.MEMBERS, member.value())));
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
                : malformed.read(RegistryCollections.ROOMS, doc, d -> signatures.verifiedRoom(d, devices));
    }
}
