package org.peershelf.app.desktop.chats;

import org.peershelf.protocol.chat.room.Rooms.RoomSummary;
import org.peershelf.protocol.identity.DeviceId;

/**
 * What this device may do with a room, as the chat service enforces it: only the current host invites (it holds
 * the member list), the host cannot leave its own room, and only the device that created the room deletes it
 * (the registry also checks that the user is the creator). A deleted or left room is read-only.
 */
public record RoomPermissions(boolean invite, boolean leave, boolean mute, boolean delete, String deleteHint) {
    public static final RoomPermissions NONE = new RoomPermissions(false, false, false, false, "");

    public static RoomPermissions of(RoomSummary room, DeviceId self) {
        boolean active = !room.deleted() && !room.left();
        boolean hosting = self.equals(room.host());
        boolean creator = self.equals(room.originalHost());
        String hint = room.deleted() ? "This room is already deleted."
                : creator ? "Deletes the room for everyone; members keep the history, read-only."
                : "Only the person who created this room can delete it (on the computer they created it on).";
        return new RoomPermissions(active && hosting, active && !hosting, active, active && creator, hint);
    }
}
