package org.peershelf.app.desktop.chats;

import org.peershelf.protocol.chat.room.Rooms.RoomSummary;
import org.peershelf.protocol.identity.DeviceId;

/**
 * One entry of the chat list: a room ({@code roomId} set) or a direct chat ({@code peer} set).
 *
 * @param detail e.g. "hosted by Grace Hopper · 3 members online", or "online"
 * @param room   the room as the chat service lists it, or null for a direct chat
 */
public record ConversationRow(String key, String title, String roomId, DeviceId peer, int unread, String detail,
                              boolean readOnly, RoomSummary room) {
    public boolean isRoom() {
        return roomId != null;
    }

    /** The title with the unread count, for the list. */
    public String label() {
        return (isRoom() ? "# " : "") + title + (unread > 0 ? "  (" + unread + ")" : "");
    }
}
