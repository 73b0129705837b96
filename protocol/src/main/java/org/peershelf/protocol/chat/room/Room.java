package org.peershelf.protocol.chat.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peershelf.protocol.chat.ChatWire.EpochStart;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.ChatWire.RoomView;
import org.peershelf.protocol.chat.log.ConversationLog;
import org.peershelf.protocol.chat.log.LogRecord;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.store.DurableQueue;

/**
 * One room on this device: its lines in sequence order (line {@code n} at index {@code n - 1}, no gaps), the
 * highest sender sequence seen per sender (duplicates of resent posts are recognised by it), its metadata, its
 * outbox and, while this device hosts it, the members' delivery cursors. Guarded by its own monitor.
 */
final class Room {
    final String id;
    final ConversationLog log;
    final DurableQueue<OutPost> outbox;
    private final DeviceId self;
    private final List<RoomLine> lines = new ArrayList<>();
    private final Map<String, Long> watermarks = new HashMap<>();
    private RoomMeta meta;
    private long readUpTo;
    /** Host only: numbering is paused while a takeover collects what the members hold. */
    boolean accepting = true;
    final Map<DeviceId, MemberCursor> cursors = new HashMap<>();
    /** Member side: our posts on their way to the host. */
    final PostFlow posts = new PostFlow();
    boolean metaDirty;
    /**
     * Our own messages up to this sender sequence came back numbered: done, even if the outbox has not been told yet
     * (acknowledgements are written in batches; one lost in a crash only means a resend that the host drops).
     */
    long ownConfirmed;
    /** Lines up to here are on this device's disk (appends complete in order). */
    long persistedSeq;

    Room(String id, DeviceId self, RoomMeta meta, ConversationLog log, DurableQueue<OutPost> outbox) {
        this.id = id;
        this.self = self;
        this.meta = meta;
        this.log = log;
        this.outbox = outbox;
    }

    /**
     * Writes one of our messages to the outbox (it survives the app crashing) and returns its sender sequence. It may
     * be posted before it is forced to disk: the outbox reserves sender sequences in blocks with one forced write
     * each ({@code DurableQueue.openReservingIds}), so a sequence the disk lost in an OS crash is never given to
     * another message (the host would take that one for a copy and drop it).
     */
    long enqueue(OutPost post) {
        return outbox.enqueue(post);
    }

    /**
     * Forces our outbox to disk up to this sender sequence, sharing the fsync with concurrent senders, holding
     * neither the room nor the queue (posts, deliveries and acks go on meanwhile).
     */
    void syncOutbox(long senderSeq) {
        outbox.syncUpTo(senderSeq);
    }

    /** Rebuilds the view from the log: later rewinds drop lines numbered by a host that lost a failover. */
    void replay(List<LogRecord> records) {
        for (LogRecord record : records) {
            switch (record.kind()) {
                case LogRecord.LINE -> {
                    if (record.line() != null && record.line().seq() == lines.size() + 1) {
                        addLine(record.line());
                    }
                }
                case LogRecord.REWIND -> truncateFrom(record.value());
                case LogRecord.READ -> readUpTo = Math.max(readUpTo, record.value());
                default -> {
                }
            }
        }
        persistedSeq = lines.size();
    }

    synchronized RoomMeta meta() {
        return meta;
    }

    synchronized void setMeta(RoomMeta newMeta) {
        meta = newMeta;
        metaDirty = true;
    }

    synchronized boolean isHost() {
        return meta.host().equals(self.value()) && !meta.deleted();
    }

    synchronized DeviceId host() {
        return DeviceId.of(meta.host());
    }

    synchronized long epoch() {
        return meta.epoch();
    }

    synchronized boolean isMember(DeviceId device) {
        return meta.members().contains(device.value());
    }

    synchronized List<DeviceId> members() {
        return meta.members().stream().map(DeviceId::of).toList();
    }

    synchronized long lastSeq() {
        return lines.size();
    }

    /** Appends the next line to the view (the caller logs it); false if it is not the next sequence. */
    synchronized boolean addLine(RoomLine line) {
        if (line.seq() != lines.size() + 1) {
            return false;
        }
        lines.add(line);
        watermarks.merge(line.sender(), line.senderSeq(), Math::max);
        return true;
    }

    synchronized long watermark(String sender) {
        return watermarks.getOrDefault(sender, 0L);
    }

    synchronized Optional<RoomLine> findBySender(String sender, long senderSeq) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            RoomLine line = lines.get(i);
            if (line.sender().equals(sender) && line.senderSeq() == senderSeq) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    synchronized Optional<RoomLine> line(long seq) {
        return seq >= 1 && seq <= lines.size() ? Optional.of(lines.get((int) seq - 1)) : Optional.empty();
    }

    synchronized List<RoomLine> linesAfter(long afterSeq, int max) {
        int from = (int) Math.max(0, afterSeq);
        int to = (int) Math.min(lines.size(), (long) from + max);
        return from >= to ? List.of() : List.copyOf(lines.subList(from, to));
    }

    synchronized List<RoomLine> lines() {
        return List.copyOf(lines);
    }

    /** Drops lines from {@code fromSeq} on and returns them (the caller logs a rewind record). */
    synchronized List<RoomLine> truncateFrom(long fromSeq) {
        if (fromSeq > lines.size() || fromSeq < 1) {
            return List.of();
        }
        List<RoomLine> dropped = List.copyOf(lines.subList((int) fromSeq - 1, lines.size()));
        lines.subList((int) fromSeq - 1, lines.size()).clear();
        persistedSeq = Math.min(persistedSeq, lines.size());
        watermarks.clear();
        lines.forEach(l -> watermarks.merge(l.sender(), l.senderSeq(), Math::max));
        return dropped;
    }

    synchronized int unread() {
        return (int) Math.max(0, lines.size() - readUpTo);
    }

    synchronized long markRead() {
        readUpTo = lines.size();
        return readUpTo;
    }

    synchronized RoomView view() {
        return new RoomView(id, meta.name(), meta.originalHost(), meta.originalUser(), meta.host(), meta.epoch(),
                meta.members(), meta.deleted());
    }

    synchronized List<EpochStart> epochStarts() {
        return meta.epochStarts();
    }
}
