package org.peershelf.registry.mapping;

import static org.peershelf.registry.mapping.DocumentReads.malformed;
import static org.peershelf.registry.mapping.DocumentReads.requireLong;
import static org.peershelf.registry.mapping.DocumentReads.requireString;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.RoomRecord;

/** Maps {@link RoomRecord} to a {@code rooms} document and back; field names in {@link RoomFields}. */
public final class RoomDocuments {
    private RoomDocuments() {
    }

    public static Document toDocument(RoomRecord room) {
        return new Document(RoomFields.ROOM_ID, room.roomId())
                .append(RoomFields.NAME, room.name())
                .append(RoomFields.ORIGINAL_HOST, room.originalHost().value())
                .append(RoomFields.ORIGINAL_USER, room.originalUser().value())
                .append(RoomFields.CURRENT_HOST, room.currentHost().value())
                .append(RoomFields.EPOCH, room.epoch())
                .append(RoomFields.MEMBERS, room.members().stream().map(DeviceId::value).distinct().toList())
                .append(RoomFields.DELETED, room.deleted())
                .append(RoomFields.CREATED_AT, room.createdAt());
    }

    /** @throws IllegalArgumentException for a document that does not have the expected shape */
    public static RoomRecord fromDocument(Document doc) {
        Object rawMembers = doc.get(RoomFields.MEMBERS);
        if (!(rawMembers instanceof List<?> list)) {
            throw malformed(doc, RoomFields.MEMBERS, "an array of device ids");
        }
        List<DeviceId> members = new ArrayList<>(list.size());
        for (Object member : list) {
            if (!(member instanceof String s) || !DeviceId.isValid(s)) {
                throw malformed(doc, RoomFields.MEMBERS, "an array of device ids");
            }
            members.add(DeviceId.of(s));
        }
        return new RoomRecord(requireString(doc, RoomFields.ROOM_ID), requireString(doc, RoomFields.NAME),
                device(doc, RoomFields.ORIGINAL_HOST), new UserId(requireString(doc, RoomFields.ORIGINAL_USER)),
                device(doc, RoomFields.CURRENT_HOST), requireLong(doc, RoomFields.EPOCH), members,
                Boolean.TRUE.equals(doc.get(RoomFields.DELETED)), requireLong(doc, RoomFields.CREATED_AT));
    }

    private static DeviceId device(Document doc, String field) {
        String value = requireString(doc, field);
        if (!DeviceId.isValid(value)) {
            throw malformed(doc, field, "a device id");
        }
        return DeviceId.of(value);
    }
}
