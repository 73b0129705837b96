package org.peershelf.protocol.chat;

import java.util.List;

/** Payloads of the chat events (docs/PROTOCOL.md, section Chat). Device and user ids travel as text. */
public final class ChatWire {
    private ChatWire() {
    }

    /** One-to-one text; the sender is the authenticated link, {@code seq} its per-conversation sequence. */
    public record DirectText(long seq, long sentAt, String text) {
    }

    public record DirectAck(long seq, boolean duplicate) {
    }

    /** A room as its host describes it to members: on invitation and on every change of membership. */
    public record RoomView(String roomId, String name, String originalHost, String originalUser, String currentHost,
                           long epoch, List<String> members, boolean deleted) {
    }

    /**
     * One message of a room, numbered by the host: {@code seq} is the room's sequence (1, 2, …), {@code epoch} the
     * host epoch that numbered it, {@code sender}/{@code senderSeq} identify it across resends and failovers.
     */
    public record RoomLine(long seq, long epoch, String sender, long senderSeq, long sentAt, String text) {
    }

    /**
     * Member to host: please number and relay this. The sender is the link's device. {@code after} is the sender
     * sequence of the sender's previous message that it has not seen numbered yet (0 if none): the host must hold
     * it before it numbers this one. Boxed so that a post of an older version, which has no {@code after}, reads as 0
     * instead of being refused as malformed.
     */
    public record Post(String roomId, long epoch, long senderSeq, long sentAt, String text, Long after) {
        public Post {
            after = after == null ? 0L : after;
        }
    }

    public record PostAck(long roomSeq, boolean duplicate) {
    }

    /**
     * Host to member: the next lines, in sequence (one, or a batch when lines pile up under load); the ack says up
     * to which sequence the member now holds the room on disk.
     */
    public record Deliver(String roomId, long epoch, List<RoomLine> lines) {
    }

    public record DeliverAck(long lastSeq) {
    }

    /** Member to host: every line after {@code afterSeq}, at most {@code max}. */
    public record SyncRequest(String roomId, long afterSeq, int max) {
    }

    /**
     * @param epochStarts for each host epoch after the first, the first sequence that epoch numbered: a member that
     *                    last heard an older epoch drops its lines from there on and takes the host's
     */
    public record SyncReply(String host, long epoch, List<RoomLine> lines, long lastSeq, List<EpochStart> epochStarts) {
    }

    public record EpochStart(long epoch, long firstSeq) {
    }

    public record Leave(String roomId) {
    }

    /** A member's latency score for a room: its mean smoothed RTT to the other members, in microseconds. */
    public record Score(String roomId, long scoreMicros) {
    }

    /** New host to member after winning the registry claim: "I host from {@code epoch}; I hold up to lastSeq". */
    public record Takeover(String roomId, long epoch, long lastSeq) {
    }

    /** The member's lines after the new host's lastSeq (what the old host confirmed to it), and its own lastSeq. */
    public record TakeoverReply(long lastSeq, List<RoomLine> newer) {
    }

    /** From the original host's device: the room is deleted; members keep its history. */
    public record Deleted(String roomId) {
    }
}
