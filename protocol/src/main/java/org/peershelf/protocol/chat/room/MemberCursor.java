package org.peershelf.protocol.chat.room;

import org.peershelf.protocol.identity.DeviceId;

/**
 * The host's delivery state for one member: lines up to {@code acked} are on the member's disk, lines up to
 * {@code sent} are on their way. A failure or a gap reported by the member rewinds {@code sent} to {@code acked}
 * and starts a new generation, so late answers of the old one are not mistaken for current ones. This cursor,
 * with the room log it points into, is the member's persistent offline queue.
 */
final class MemberCursor {
    final DeviceId member;
    long acked;
    long sent;
    int inFlight;
    long generation;
    boolean linking;
    boolean viewSent;

    MemberCursor(DeviceId member, long acked) {
        this.member = member;
        this.acked = acked;
        this.sent = acked;
    }

    void rewind() {
        generation++;
        inFlight = 0;
        sent = acked;
    }
}
