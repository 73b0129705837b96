package org.peershelf.protocol.chat;

import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.identity.DeviceId;

/** What the chat service tells the UI, on the node's event executor. Immutable. */
public sealed interface ChatEvent {
    /** A one-to-one message arrived (shown once, however often it was resent). */
    record DirectReceived(DeviceId from, long seq, long sentAt, String text) implements ChatEvent {
    }

    /** The peer acknowledged our one-to-one message: it is on its disk. */
    record DirectDelivered(DeviceId to, long seq) implements ChatEvent {
    }

    /** A room line arrived in order (our own lines too, once the host numbered them). */
    record RoomMessage(String roomId, RoomLine line) implements ChatEvent {
    }

    /** Our room message was numbered by the host and is on its disk. */
    record RoomSent(String roomId, long senderSeq, long roomSeq) implements ChatEvent {
    }

    record RoomJoined(String roomId, String name) implements ChatEvent {
    }

    record HostChanged(String roomId, DeviceId host, long epoch) implements ChatEvent {
    }

    /** The original host deleted the room; its history stays readable. */
    record RoomDeleted(String roomId) implements ChatEvent {
    }

    /** Unread count of a conversation: {@code room:<id>} or {@code direct:<device id>}. */
    record UnreadChanged(String conversation, int unread) implements ChatEvent {
    }
}
