package org.peershelf.protocol.chat.room;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatEvents;
import org.peershelf.protocol.chat.ChatWire.Deliver;
import org.peershelf.protocol.chat.ChatWire.DeliverAck;
import org.peershelf.protocol.chat.ChatWire.Post;
import org.peershelf.protocol.chat.ChatWire.PostAck;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.ChatWire.SyncReply;
import org.peershelf.protocol.chat.ChatWire.SyncRequest;
import org.peershelf.protocol.chat.log.LogRecord;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventRouter;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.store.QueueItem;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member side of rooms: stores the host's lines strictly in sequence (a gap is answered with what it holds,
 * so the host resends), sends this device's outbox to the host in order, and catches up with {@code room.sync},
 * dropping lines of a host that lost a failover (they are replaced by the new host's).
 */
final class RoomMembership {
    private static final Logger LOG = LoggerFactory.getLogger(RoomMembership.class);
    static final int MAX_LINES_PER_DELIVERY = 512;

    private final ChatContext ctx;
    private final RoomBook book;
    private final RoomEvents stored;
    private final RoomHosting hosting;

    RoomMembership(ChatContext ctx, RoomBook book, RoomEvents stored, RoomHosting hosting) {
        this.ctx = ctx;
        this.book = book;
        this.stored = stored;
        this.hosting = hosting;
    }

    void register(EventRouter router) {
        router.registerQuick(ChatEvents.DELIVER, this::deliver);
    }

    private CompletionStage<DeliverAck> deliver(PeerLink link, Deliver d) {
        Room room = book.get(d.roomId()).orElseThrow(() -> new ProtocolException(ErrorCodes.NOT_FOUND,
                "This device does not know that room."));
        if (d.lines() == null || d.lines().size() > MAX_LINES_PER_DELIVERY || d.lines().stream().anyMatch(line ->
                line == null || line.text() == null || line.text().length() > ctx.config().maxTextChars()
                        || !DeviceId.isValid(line.sender()))) {
            LOG.warn("Refused malformed lines of room {} from {}", room.id, link.remote().shortForm());
            throw new ProtocolException(ErrorCodes.MALFORMED, "Lines without a valid sender or text, or too many.");
        }
        List<RoomLine> added = new ArrayList<>();
        CompletableFuture<Void> written = null;
        long held;
        synchronized (room) {
            if (room.meta().left()) {
                throw new ProtocolException(ErrorCodes.NOT_MEMBER, "This device left the room.");
            }
            if (!link.remote().equals(room.host())) {
                if (d.epoch() > room.epoch()) {
                    ctx.chatThread().execute(() -> sync(room)); // a host we have not heard of yet: ask who hosts
                }
                LOG.warn("Refused lines of room {} from {}, which does not host it", room.id, link.remote().shortForm());
                throw new ProtocolException(ErrorCodes.NOT_HOST, "Not the host of this room.");
            }
            if (d.epoch() < room.epoch()) {
                throw new ProtocolException(ErrorCodes.STALE_EPOCH, "The room has a newer host epoch.");
            }
            if (d.epoch() > room.epoch()) {
                // first lines from a host we follow but whose epoch we have not adopted: catch up (and drop lines of
                // the host that lost) before taking lines from it
                ctx.chatThread().execute(() -> sync(room));
                throw new ProtocolException(ErrorCodes.REFUSED, "Catching up with the new host first.");
            }
            for (RoomLine line : d.lines()) {
                if (line.seq() <= room.lastSeq()) {
                    continue; // a copy
                }
                if (!room.addLine(line)) {
                    break; // a gap: the ack tells the host where we are
                }
                added.add(line);
            }
            held = room.lastSeq();
            if (!added.isEmpty()) {
                written = room.log.appendLazily(added.stream().map(LogRecord::line).toList());
                if (written.isCompletedExceptionally()) {
                    // not saved (a full disk): not held either, so the host keeps them and sends them again later
                    room.truncateFrom(added.get(0).seq());
                    throw new ProtocolException(ErrorCodes.REFUSED, "This device could not save the lines.");
                }
            }
        }
        if (written == null) {
            return CompletableFuture.completedFuture(new DeliverAck(held));
        }
        // shown now, acknowledged once written: the host keeps every line until then (see RoomEvents)
        stored.shown(room, added);
        return written.thenApply(done -> {
            added.forEach(line -> stored.stored(room, line));
            return new DeliverAck(held);
        });
    }

    /**
     * Sends pending outbox messages in order, pipelined (up to the flow's window in flight, without waiting for
     * earlier acks: the link keeps them in order); after a failure everything not yet confirmed goes again, and the
     * host drops the copies. Each post names the unconfirmed one before it, so a host that never got that one (a
     * rate limiter refuses single events) refuses this one instead of numbering it and taking the resent earlier
     * one for a copy.
     */
    void pumpPosts(Room room) {
        DeviceId host = room.host();
        PeerLink link = null;
        if (!host.equals(ctx.self())) {
            link = ctx.node().links().get(host).filter(PeerLink::isOpen).orElse(null);
            if (link == null) {
                // retried when the link is up (or on the next tick, or with the next host)
                ctx.mesh().linkTo(host).thenRun(() -> ctx.chatThread().execute(() -> pumpPosts(room)));
                return;
            }
        }
        // sent while holding the room's lock: two pumps must not put posts on the link out of order, or the
        // host would take the earlier ones for copies
        synchronized (room) {
            PostFlow flow = room.posts;
            int free = flow.room();
            if (room.meta().left() || room.meta().deleted() || free == 0 || !room.host().equals(host)) {
                return;
            }
            long from = Math.max(room.ownConfirmed, flow.sentUpTo);
            long previous = 0;
            List<Post> batch = new ArrayList<>();
            long epoch = room.epoch();
            for (QueueItem<OutPost> item : room.outbox.pending()) {
                if (item.id() <= room.ownConfirmed || flow.abandoned.contains(item.id())) {
                    continue;
                }
                if (item.id() > from) {
                    if (batch.size() == free) {
                        break;
                    }
                    batch.add(new Post(room.id, epoch, item.id(), item.value().sentAt(), item.value().text(), previous));
                }
                previous = item.id();
            }
            if (batch.isEmpty()) {
                return;
            }
            flow.inFlight += batch.size();
            flow.sentUpTo = batch.get(batch.size() - 1).senderSeq();
            long generation = flow.generation;
            for (Post post : batch) {
                PeerLink to = link;
                posted(room, generation, post.senderSeq(), to == null
                        ? safely(() -> hosting.accept(room, ctx.self(), post)) : to.request(ChatEvents.POST, post));
            }
        }
    }

    private void posted(Room room, long generation, long senderSeq, CompletionStage<PostAck> ack) {
        ack.whenComplete((ok, e) -> {
            if (e != null) {
                onPostFailed(room, generation, senderSeq, e);
                return;
            }
            synchronized (room) {
                if (room.posts.generation != generation) {
                    return;
                }
                room.posts.acknowledged();
            }
            pumpPosts(room); // not via the chat thread: a registry call or a file save there must not delay posts
        });
    }

    private void onPostFailed(Room room, long generation, long senderSeq, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String code = cause instanceof ProtocolException p ? p.code() : "";
        boolean forGood = ErrorCodes.TOO_LARGE.equals(code) || ErrorCodes.MALFORMED.equals(code);
        long retryIn;
        synchronized (room) {
            if (forGood) {
                room.posts.abandoned.add(senderSeq);
            }
            if (room.posts.generation != generation) {
                return; // an earlier post of this generation failed first and took care of it
            }
            room.posts.restart();
            retryIn = forGood || ErrorCodes.NOT_HOST.equals(code) || ErrorCodes.STALE_EPOCH.equals(code) ? 0
                    : room.posts.pause();
        }
        if (forGood) {
            LOG.warn("The host of room {} refused our message {} for good: {}", room.id, senderSeq, cause.getMessage());
            ctx.chatThread().execute(() -> pumpPosts(room));
        } else if (retryIn == 0) {
            ctx.chatThread().execute(() -> sync(room)); // learns the current host and epoch, then posts again
        } else {
            if (!code.isEmpty() && !ErrorCodes.TIMEOUT.equals(code) && !ErrorCodes.RATE_LIMITED.equals(code)
                    && !ErrorCodes.REFUSED.equals(code)) {
                LOG.warn("The host of room {} refused our message: {}", room.id, cause.getMessage());
            }
            LOG.debug("Posts to room {} pause for {} ms after: {}", room.id, retryIn, cause.toString());
            ctx.chatThread().schedule(() -> {
                synchronized (room) {
                    room.posts.resume();
                }
                pumpPosts(room);
            }, retryIn, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Catches up with the host (run on the chat thread). A reply from a newer epoch first drops the lines we hold
     * from that epoch's start on: they were numbered by a host that lost the failover; our own among them are sent
     * again, once the new history is in, unless it already has them.
     */
    void sync(Room room) {
        DeviceId host = room.host();
        if (host.equals(ctx.self())) {
            return;
        }
        List<RoomLine> dropped = new ArrayList<>();
        try {
            PeerLink link = ctx.mesh().linkTo(host).get(ctx.node().config().dialTimeout().toMillis() * 2,
                    TimeUnit.MILLISECONDS);
            while (true) {
                SyncReply reply = link.request(ChatEvents.SYNC, new SyncRequest(room.id, room.lastSeq(),
                        RoomHosting.SYNC_MAX)).get(ctx.node().config().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (!reply.host().equals(host.value())) {
                    LOG.info("Room {} is hosted by {} now", room.id, reply.host().substring(0, 8));
                    return;
                }
                if (reply.epoch() > room.epoch()) {
                    dropped.addAll(adoptEpoch(room, reply));
                    continue;
                }
                if (!store(room, reply.lines()) || reply.lines().size() < RoomHosting.SYNC_MAX) {
                    break;
                }
            }
        } catch (Exception e) {
            LOG.debug("Could not catch up room {} with {}: {}", room.id, host.shortForm(), e.toString());
            return;
        }
        resendDropped(room, dropped);
        pumpPosts(room);
    }

    private List<RoomLine> adoptEpoch(Room room, SyncReply reply) {
        List<RoomLine> dropped;
        long from;
        synchronized (room) {
            long myEpoch = room.epoch();
            from = reply.epochStarts().stream().filter(s -> s.epoch() > myEpoch)
                    .mapToLong(s -> s.firstSeq()).min().orElse(Long.MAX_VALUE);
            dropped = from <= room.lastSeq() ? room.truncateFrom(from) : List.of();
            room.setMeta(room.meta().withHost(reply.host(), reply.epoch()).withEpochStarts(reply.epochStarts()));
        }
        if (!dropped.isEmpty()) {
            LOG.info("Room {}: dropped {} lines from {} on, numbered by a host that lost a failover", room.id,
                    dropped.size(), from);
            room.log.append(LogRecord.marker(LogRecord.REWIND, from)).join();
        }
        book.saveIfDirty(room);
        ctx.events().publish(new ChatEvent.HostChanged(room.id, DeviceId.of(reply.host()), reply.epoch()));
        return dropped;
    }

    /** Stores synced lines in order; false if one did not fit (a gap), so the caller stops. */
    private boolean store(Room room, List<RoomLine> lines) {
        CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        List<RoomLine> added = new ArrayList<>();
        boolean fitted = true;
        synchronized (room) {
            for (RoomLine line : lines) {
                if (line.seq() <= room.lastSeq()) {
                    continue;
                }
                if (!room.addLine(line)) {
                    fitted = false;
                    break;
                }
                added.add(line);
                last = room.log.append(LogRecord.line(line));
            }
        }
        last.join();
        added.forEach(line -> stored.storedAndShown(room, line));
        return fitted;
    }

    private void resendDropped(Room room, List<RoomLine> dropped) {
        for (RoomLine line : dropped) {
            if (line.sender().equals(ctx.self().value())
                    && room.findBySender(line.sender(), line.senderSeq()).isEmpty()) {
                long senderSeq = room.enqueue(new OutPost(line.sentAt(), line.text()));
                if (ctx.config().fsync()) {
                    room.syncOutbox(senderSeq);
                }
                LOG.info("Room {}: sending our message {} again, the new host did not have it", room.id, line.senderSeq());
            }
        }
    }

    private static <T> CompletionStage<T> safely(java.util.function.Supplier<CompletionStage<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
