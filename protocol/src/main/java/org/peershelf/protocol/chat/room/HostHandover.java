package org.peershelf.protocol.chat.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatEvents;
import org.peershelf.protocol.chat.ChatWire.EpochStart;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.ChatWire;
import org.peershelf.protocol.chat.ChatWire.TakeoverReply;
import org.peershelf.protocol.chat.log.LogRecord;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventRouter;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.registry.RoomRecord;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hand-over to a new host after it won the registry claim. The new host pauses numbering, tells every reachable
 * member its epoch and last sequence, and takes from their answers the lines the old host had confirmed to them
 * but not to it (same numbers: members hold prefixes of the old host's sequence, so the union is a longer
 * prefix). Only then does it number new posts, continuing the sequence without gaps or duplicates; members then
 * send it what the old host had not confirmed, and it drops copies by sender and sender sequence.
 */
final class HostHandover {
    private static final Logger LOG = LoggerFactory.getLogger(HostHandover.class);

    private final ChatContext ctx;
    private final RoomBook book;
    private final RoomHosting hosting;
    private final RoomMembership membership;
    private final RoomEvents stored;

    HostHandover(ChatContext ctx, RoomBook book, RoomHosting hosting, RoomMembership membership, RoomEvents stored) {
        this.ctx = ctx;
        this.book = book;
        this.hosting = hosting;
        this.membership = membership;
        this.stored = stored;
    }

    void register(EventRouter router) {
        router.registerSync(ChatEvents.TAKEOVER, this::onTakeover);
    }

    /** Run on the chat thread after {@code claimHost} returned the room at {@code claimed.epoch()}. */
    void becomeHost(Room room, RoomRecord claimed, DeviceId oldHost) {
        long lastSeq;
        synchronized (room) {
            room.accepting = false;
            room.setMeta(room.meta().withHost(ctx.self().value(), claimed.epoch()));
            room.cursors.clear();
            room.posts.newHost(); // posts in flight to the old host will never be answered
            lastSeq = room.lastSeq();
        }
        LOG.info("This device now hosts room {} (epoch {}), after {}", room.id, claimed.epoch(), oldHost.shortForm());
        Map<DeviceId, CompletableFuture<TakeoverReply>> replies = new HashMap<>();
        ChatWire.Takeover message = new ChatWire.Takeover(room.id, claimed.epoch(), lastSeq);
        for (DeviceId member : room.members()) {
            if (member.equals(ctx.self()) || member.equals(oldHost)) {
                continue;
            }
            ctx.node().links().get(member).filter(PeerLink::isOpen)
                    .ifPresent(link -> replies.put(member, link.request(ChatEvents.TAKEOVER, message)));
        }
        long deadline = System.nanoTime() + ctx.config().claimWait().toNanos();
        Map<DeviceId, Long> held = new HashMap<>();
        TreeMap<Long, RoomLine> newer = new TreeMap<>();
        replies.forEach((member, reply) -> {
            try {
                TakeoverReply r = reply.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                held.put(member, r.lastSeq());
                r.newer().forEach(line -> newer.putIfAbsent(line.seq(), line));
            } catch (Exception e) {
                LOG.info("Member {} did not answer the takeover of room {}: {}", member.shortForm(), room.id, e.toString());
            }
        });
        List<RoomLine> adopted = adopt(room, newer);
        synchronized (room) {
            List<EpochStart> starts = new ArrayList<>(room.epochStarts());
            starts.add(new EpochStart(claimed.epoch(), room.lastSeq() + 1));
            room.setMeta(room.meta().withEpochStarts(starts));
            hosting.ensureCursors(room);
            held.forEach((member, seq) -> {
                MemberCursor cursor = room.cursors.get(member);
                if (cursor != null) {
                    cursor.acked = Math.min(seq, room.lastSeq());
                    cursor.sent = cursor.acked;
                }
            });
            room.accepting = true;
        }
        book.saveIfDirty(room);
        LOG.info("Room {}: took over at sequence {} ({} lines taken from members)", room.id, room.lastSeq(),
                adopted.size());
        ctx.events().publish(new ChatEvent.HostChanged(room.id, ctx.self(), claimed.epoch()));
        hosting.pumpAll(room);
        membership.pumpPosts(room);
    }

    private List<RoomLine> adopt(Room room, TreeMap<Long, RoomLine> newer) {
        List<RoomLine> adopted = new ArrayList<>();
        CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        synchronized (room) {
            for (RoomLine line : newer.values()) {
                if (line.seq() <= room.lastSeq()) {
                    continue;
                }
                if (!room.addLine(line)) {
                    break; // nobody holds the line before it: the sequence must not have a gap
                }
                adopted.add(line);
                last = room.log.append(LogRecord.line(line));
            }
        }
        last.join();
        adopted.forEach(line -> stored.storedAndShown(room, line));
        return adopted;
    }

    /** Member side: a new host announces itself; the registry must confirm it before we follow. */
    private TakeoverReply onTakeover(PeerLink link, ChatWire.Takeover request) {
        Room room = book.get(request.roomId()).orElseThrow(() -> new ProtocolException(ErrorCodes.NOT_FOUND,
                "This device does not know that room."));
        synchronized (room) {
            if (!room.isMember(link.remote())) {
                throw new ProtocolException(ErrorCodes.NOT_MEMBER, "Not a member of the room.");
            }
            if (request.epoch() <= room.epoch() && !link.remote().equals(room.host())) {
                throw new ProtocolException(ErrorCodes.STALE_EPOCH, "The room already has a host at epoch "
                        + room.epoch() + ".");
            }
        }
        RoomRecord record = ctx.registry().findRoom(room.id).orElseThrow(() -> new ProtocolException(
                ErrorCodes.NOT_FOUND, "The registry does not know the room."));
        if (!record.currentHost().equals(link.remote()) || record.epoch() != request.epoch()) {
            LOG.warn("Refused a takeover of room {} by {}: the registry names {} at epoch {}", room.id,
                    link.remote().shortForm(), record.currentHost().shortForm(), record.epoch());
            throw new ProtocolException(ErrorCodes.NOT_HOST, "The registry does not confirm this host.");
        }
        TakeoverReply reply;
        synchronized (room) {
            room.setMeta(room.meta().withHost(link.remote().value(), request.epoch()));
            room.posts.newHost();
            reply = new TakeoverReply(room.lastSeq(), room.linesAfter(request.lastSeq(), Integer.MAX_VALUE));
        }
        book.saveIfDirty(room);
        ctx.events().publish(new ChatEvent.HostChanged(room.id, link.remote(), request.epoch()));
        ctx.chatThread().schedule(() -> membership.pumpPosts(room), 50, TimeUnit.MILLISECONDS);
        return reply;
    }
}
