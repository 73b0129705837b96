package org.peershelf.protocol.chat.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvents;
import org.peershelf.protocol.chat.ChatWire.DeliverAck;
import org.peershelf.protocol.chat.ChatWire.Deliver;
import org.peershelf.protocol.chat.ChatWire.Leave;
import org.peershelf.protocol.chat.ChatWire.Post;
import org.peershelf.protocol.chat.ChatWire.PostAck;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.ChatWire.SyncReply;
import org.peershelf.protocol.chat.ChatWire.SyncRequest;
import org.peershelf.protocol.chat.log.LogRecord;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventRouter;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of rooms: numbers posts (one sequence per room, written to disk before the ack), relays every line
 * to every member in order through a {@link MemberCursor} with a few delivery events (of up to 256 lines) in flight, and keeps relaying to
 * members that were offline when they come back (the cursor is their queue). Also serves sync and leave.
 */
final class RoomHosting {
    private static final Logger LOG = LoggerFactory.getLogger(RoomHosting.class);
    /**
     * Delivery events in flight per member. With one, the lines that arrive while a delivery is unacknowledged go
     * together in the next, so a loaded host sends fewer, larger events: the lower p50 at 500 msg/s in a 20-member
     * room in every same-minute comparison (docs/BENCHMARKS.md, "Room latency on 2026-12-07"). It was put back to 4
     * once after failover test runs where a member's posts stalled; the causes were the member's retry (fixed:
     * {@link PostFlow}) and a per-sender "refused from" mark of the new host (replaced by {@code Post.after}).
     */
    static final int WINDOW = 1;
    /** Lines per delivery event at most. */
    static final int BATCH = 256;
    static final int SYNC_MAX = 500;

    private final ChatContext ctx;
    private final RoomBook book;
    private final RoomEvents stored;
    /** One coalesced relay per room (rooms are never replaced while the app runs). */
    private final Map<Room, CoalescedRun> relays = new java.util.concurrent.ConcurrentHashMap<>();

    RoomHosting(ChatContext ctx, RoomBook book, RoomEvents stored) {
        this.ctx = ctx;
        this.book = book;
        this.stored = stored;
    }

    void register(EventRouter router) {
        router.registerQuick(ChatEvents.POST, (link, post) -> accept(room(post.roomId()), link.remote(), post));
        router.registerSync(ChatEvents.SYNC, this::sync);
        router.registerSync(ChatEvents.LEAVE, this::leave);
    }

    private Room room(String roomId) {
        return book.get(roomId).orElseThrow(() -> new ProtocolException(ErrorCodes.NOT_FOUND,
                "No room " + abbreviate(roomId) + " here."));
    }

    /** Numbers a post from {@code sender} (a member, or this device itself) and relays it once it is on disk. */
    CompletionStage<PostAck> accept(Room room, DeviceId sender, Post post) {
        RoomLine line;
        CompletableFuture<Void> written;
        synchronized (room) {
            if (!room.isHost()) {
                throw new ProtocolException(ErrorCodes.NOT_HOST, "This device does not host room " + room.id + ".");
            }
            if (post.epoch() != room.epoch()) {
                throw new ProtocolException(ErrorCodes.STALE_EPOCH, "Room " + room.id + " is at host epoch "
                        + room.epoch() + ", not " + post.epoch() + ".");
            }
            if (!room.isMember(sender) || room.meta().left()) {
                LOG.warn("Refused a post to room {} from non-member {}", room.id, sender.shortForm());
                throw new ProtocolException(ErrorCodes.NOT_MEMBER, sender.shortForm() + " is not a member of the room.");
            }
            if (post.text() == null || post.text().length() > ctx.config().maxTextChars()) {
                LOG.warn("Refused an over-long or empty post to room {} from {}", room.id, sender.shortForm());
                throw new ProtocolException(ErrorCodes.TOO_LARGE, "A message can have at most "
                        + ctx.config().maxTextChars() + " characters.");
            }
            if (!room.accepting) {
                throw new ProtocolException(ErrorCodes.REFUSED, "The new host is still taking over; send again shortly.");
            }
            long watermark = room.watermark(sender.value());
            if (post.senderSeq() <= watermark) {
                long seq = room.findBySender(sender.value(), post.senderSeq()).map(RoomLine::seq).orElse(-1L);
                return CompletableFuture.completedFuture(new PostAck(seq, true));
            }
            if (post.after() > watermark) {
                // the one before is not here (refused by the rate limiter, or while a takeover paused numbering):
                // numbering this one would make that one look like a copy when it comes again
                throw new ProtocolException(ErrorCodes.REFUSED, "Send message " + post.after() + " again first.");
            }
            line = new RoomLine(room.lastSeq() + 1, room.epoch(), sender.value(), post.senderSeq(), post.sentAt(),
                    post.text());
            room.addLine(line);
            written = room.log.append(LogRecord.line(line));
        }
        return written.thenApply(done -> {
            stored.storedAndShown(room, line);
            pumpSoon(room);
            return new PostAck(line.seq(), false);
        });
    }

    /**
     * Relays what is on disk, once for the lines stored meanwhile: the disk thread completes a group commit line by
     * line, and a pump per line sent each member one event per line; a pump queued on a worker finds them all
     * stored and sends each member one event with all of them (and the disk thread goes back to the disk).
     */
    private void pumpSoon(Room room) {
        relays.computeIfAbsent(room, r -> new CoalescedRun(ctx.node().workers(), () -> pumpAll(r))).request();
    }

    private SyncReply sync(PeerLink link, SyncRequest request) {
        Room room = room(request.roomId());
        synchronized (room) {
            if (!room.isHost()) {
                throw new ProtocolException(ErrorCodes.NOT_HOST, "This device does not host room " + room.id
                        + "; its host is " + room.host().shortForm() + ".");
            }
            if (!room.isMember(link.remote())) {
                throw new ProtocolException(ErrorCodes.NOT_MEMBER, "Not a member of the room.");
            }
            int max = Math.max(1, Math.min(SYNC_MAX, request.max()));
            long upTo = room.persistedSeq;
            List<RoomLine> lines = room.linesAfter(request.afterSeq(), max).stream().filter(l -> l.seq() <= upTo).toList();
            MemberCursor cursor = room.cursors.get(link.remote());
            if (cursor != null && request.afterSeq() > cursor.acked && request.afterSeq() <= upTo) {
                cursor.acked = request.afterSeq();
                cursor.sent = Math.max(cursor.sent, cursor.acked);
            }
            return new SyncReply(room.meta().host(), room.epoch(), lines, upTo, room.epochStarts());
        }
    }

    private Empty leave(PeerLink link, Leave request) {
        Room room = room(request.roomId());
        synchronized (room) {
            if (!room.isHost()) {
                throw new ProtocolException(ErrorCodes.NOT_HOST, "This device does not host the room.");
            }
        }
        removeMember(room, link.remote());
        return Empty.INSTANCE;
    }

    /** The member left (told us, or refuses our lines as a member that left): stop relaying, tell the others. */
    void removeMember(Room room, DeviceId member) {
        synchronized (room) {
            if (!room.isMember(member)) {
                return; // already gone: leaving twice is fine
            }
            List<String> members = new ArrayList<>(room.meta().members());
            members.remove(member.value());
            room.setMeta(room.meta().withMembers(members));
            room.cursors.remove(member);
            room.cursors.values().forEach(c -> c.viewSent = false);
        }
        LOG.info("{} left room {}", member.shortForm(), room.id);
        book.saveIfDirty(room);
        ctx.chatThread().execute(() -> {
            try {
                ctx.registry().removeMember(room.id, member);
            } catch (RegistryUnavailableException e) {
                LOG.warn("Could not record in the registry that {} left room {}: {}", member.shortForm(), room.id,
                        e.getMessage());
            }
        });
        pumpAll(room);
    }

    /** Makes sure every member has a cursor: saved ones first, else from the start of the current epoch. */
    void ensureCursors(Room room) {
        synchronized (room) {
            long fallback = room.epochStarts().isEmpty() ? 0
                    : room.epochStarts().get(room.epochStarts().size() - 1).firstSeq() - 1;
            for (DeviceId member : room.members()) {
                if (!member.equals(ctx.self()) && !room.cursors.containsKey(member)) {
                    long saved = room.meta().cursors().getOrDefault(member.value(), fallback);
                    room.cursors.put(member, new MemberCursor(member, Math.min(saved, room.lastSeq())));
                }
            }
            room.cursors.keySet().removeIf(m -> !room.isMember(m));
        }
    }

    void pumpAll(Room room) {
        List<MemberCursor> cursors;
        synchronized (room) {
            if (!room.isHost()) {
                return;
            }
            cursors = List.copyOf(room.cursors.values());
        }
        cursors.forEach(c -> pump(room, c));
    }

    void pumpMember(DeviceId member) {
        for (Room room : book.all()) {
            MemberCursor cursor;
            synchronized (room) {
                cursor = room.isHost() ? room.cursors.get(member) : null;
            }
            if (cursor != null) {
                pump(room, cursor);
            }
        }
    }

    void pump(Room room, MemberCursor cursor) {
        PeerLink link;
        synchronized (room) {
            if (!room.isHost() || cursor.linking || room.cursors.get(cursor.member) != cursor) {
                return;
            }
            if (cursor.viewSent && cursor.sent >= room.persistedSeq) {
                return;
            }
            link = ctx.node().links().get(cursor.member).filter(PeerLink::isOpen).orElse(null);
            if (link == null) {
                cursor.linking = true;
            }
        }
        if (link == null) {
            ctx.mesh().linkTo(cursor.member).whenComplete((l, e) -> {
                synchronized (room) {
                    cursor.linking = false;
                }
                if (e == null) {
                    pump(room, cursor);
                }
            });
            return;
        }
        send(room, cursor, link);
    }

    private void send(Room room, MemberCursor cursor, PeerLink link) {
        synchronized (room) {
            if (!cursor.viewSent) {
                if (cursor.inFlight == 0) {
                    cursor.inFlight = 1;
                    long generation = cursor.generation;
                    link.request(ChatEvents.STATE, room.view()).whenComplete((ok, e) -> {
                        synchronized (room) {
                            if (generation != cursor.generation) {
                                return;
                            }
                            cursor.inFlight = 0;
                            cursor.viewSent = e == null;
                        }
                        if (e == null) {
                            pump(room, cursor);
                        }
                    });
                }
                return;
            }
            // at low rates every line goes at once; under load lines pile up and go in batches, so the events in
            // flight per member stay few while the lines in flight grow
            // a link that closed fails the request at once, in this loop, and the failure rewinds the cursor: without
            // the isOpen check this thread would send and rewind forever while holding the room
            while (link.isOpen() && cursor.sent < room.persistedSeq && cursor.inFlight < WINDOW) {
                List<RoomLine> lines = room.linesAfter(cursor.sent,
                        (int) Math.min(BATCH, room.persistedSeq - cursor.sent));
                cursor.sent = lines.get(lines.size() - 1).seq();
                cursor.inFlight++;
                long generation = cursor.generation;
                long last = cursor.sent;
                link.requestQuick(ChatEvents.DELIVER, new Deliver(room.id, room.epoch(), lines))
                        .whenComplete((ack, e) -> delivered(room, cursor, generation, last, ack, e));
            }
        }
    }

    private void delivered(Room room, MemberCursor cursor, long generation, long seq, DeliverAck ack, Throwable error) {
        boolean again;
        synchronized (room) {
            if (ack != null) {
                cursor.acked = Math.max(cursor.acked, Math.min(ack.lastSeq(), room.lastSeq()));
            }
            if (generation != cursor.generation) {
                return;
            }
            cursor.inFlight--;
            if (error != null) {
                cursor.rewind();
                again = false;
                if (logRefusal(room, cursor, error)) {
                    ctx.chatThread().execute(() -> removeMember(room, cursor.member));
                }
            } else if (ack.lastSeq() < seq) {
                cursor.rewind(); // the member lacks an earlier line: start again from what it holds
                again = true;
            } else {
                cursor.sent = Math.max(cursor.sent, cursor.acked);
                again = true;
            }
        }
        if (again) {
            pump(room, cursor);
        }
    }

    /** Logs a member's refusal; true if the member says it left the room (its leave did not reach us). */
    private boolean logRefusal(Room room, MemberCursor cursor, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProtocolException p && !ErrorCodes.TIMEOUT.equals(p.code())) {
            LOG.info("{} refused lines of room {}: {}", cursor.member.shortForm(), room.id, p.getMessage());
            return ErrorCodes.NOT_MEMBER.equals(p.code());
        }
        return false;
    }

    /** Retries members with pending lines and saves the cursors (losing them only means redelivery). */
    void tick() {
        for (Room room : book.all()) {
            Map<String, Long> saved;
            synchronized (room) {
                if (!room.isHost()) {
                    continue;
                }
                saved = new HashMap<>();
                room.cursors.forEach((m, c) -> saved.put(m.value(), c.acked));
                if (!saved.equals(room.meta().cursors())) {
                    room.setMeta(room.meta().withCursors(saved));
                }
            }
            book.saveIfDirty(room);
            pumpAll(room);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
