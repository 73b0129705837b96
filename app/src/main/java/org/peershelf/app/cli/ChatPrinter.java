package org.peershelf.app.cli;

import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatWire.RoomLine;

/**
 * Chat events of a headless peer as machine-readable lines (tests and scripts read them). Text goes last and
 * has its line breaks escaped, so one event is always one line.
 */
final class ChatPrinter {
    private final NodeStatePrinter out;

    ChatPrinter(NodeStatePrinter out) {
        this.out = out;
    }

    void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.RoomMessage m) {
            out.printLine("MSG room=" + m.roomId() + " " + line(m.line()));
        } else if (event instanceof ChatEvent.RoomSent s) {
            out.printLine("SENT room=" + s.roomId() + " senderSeq=" + s.senderSeq() + " seq=" + s.roomSeq());
        } else if (event instanceof ChatEvent.DirectReceived d) {
            out.printLine("DM from=" + d.from() + " seq=" + d.seq() + " text=" + escape(d.text()));
        } else if (event instanceof ChatEvent.DirectDelivered d) {
            out.printLine("DELIVERED to=" + d.to() + " seq=" + d.seq());
        } else if (event instanceof ChatEvent.HostChanged h) {
            out.printLine("HOST room=" + h.roomId() + " host=" + h.host() + " epoch=" + h.epoch());
        } else if (event instanceof ChatEvent.RoomJoined j) {
            out.printLine("JOINED room=" + j.roomId() + " name=" + escape(j.name()));
        } else if (event instanceof ChatEvent.RoomDeleted d) {
            out.printLine("DELETED room=" + d.roomId());
        }
    }

    static String line(RoomLine line) {
        return "seq=" + line.seq() + " epoch=" + line.epoch() + " from=" + line.sender() + " senderSeq="
                + line.senderSeq() + " text=" + escape(line.text());
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
