package org.peershelf.protocol.chat.room;

import java.util.List;
import java.util.Map;
import org.peershelf.protocol.chat.ChatWire.EpochStart;

/**
 * What a device knows about a room besides its lines, in {@code room.json} (replaced atomically on change).
 *
 * @param cursors host only: per member device, the sequence up to which it confirmed holding the room
 */
record RoomMeta(String roomId, String name, String originalHost, String originalUser, String host, long epoch,
                List<String> members, boolean deleted, boolean muted, boolean left, List<EpochStart> epochStarts,
                Map<String, Long> cursors) {
    RoomMeta {
        members = List.copyOf(members);
        epochStarts = epochStarts == null ? List.of() : List.copyOf(epochStarts);
        cursors = cursors == null ? Map.of() : Map.copyOf(cursors);
    }

    RoomMeta withHost(String newHost, long newEpoch) {
        return new RoomMeta(roomId, name, originalHost, originalUser, newHost, newEpoch, members, deleted, muted, left,
                epochStarts, cursors);
    }

    RoomMeta withMembers(List<String> newMembers) {
        return new RoomMeta(roomId, name, originalHost, originalUser, host, epoch, newMembers, deleted, muted, left,
                epochStarts, cursors);
    }

    RoomMeta withFlags(boolean newDeleted, boolean newMuted, boolean newLeft) {
        return new RoomMeta(roomId, name, originalHost, originalUser, host, epoch, members, newDeleted, newMuted, newLeft,
                epochStarts, cursors);
    }

    RoomMeta withEpochStarts(List<EpochStart> starts) {
        return new RoomMeta(roomId, name, originalHost, originalUser, host, epoch, members, deleted, muted, left, starts,
                cursors);
    }

    RoomMeta withCursors(Map<String, Long> newCursors) {
        return new RoomMeta(roomId, name, originalHost, originalUser, host, epoch, members, deleted, muted, left,
                epochStarts, newCursors);
    }
}
