package org.peershelf.protocol.chat.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatEvents;
import org.peershelf.protocol.chat.ChatException;
import org.peershelf.protocol.chat.ChatWire.Deleted;
import org.peershelf.protocol.chat.ChatWire.Leave;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.failover.LatencyScores;
import org.peershelf.protocol.chat.log.LogRecord;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventRouter;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.RoomRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group chat rooms, as the app uses them: create (hosted on this device), invite, say, leave, mute, delete,
 * history. A message is accepted once it is in this device's outbox on disk; it is then never lost: it stays
 * there until the host (this one or, after a failover, the next) has numbered it and it came back to us.
 */
public final class Rooms implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

    /** A room as the app lists it. */
    public record RoomSummary(String roomId, String name, DeviceId host, long epoch, List<DeviceId> members,
                              DeviceId originalHost, boolean deleted, boolean muted, boolean left, int unread,
                              long lastSeq) {
    }

    private final ChatContext ctx;
    private final RoomBook book;
    private final RoomEvents stored;
    private final RoomHosting hosting;
    private final RoomMembership membership;
    private final HostHandover handover;
    private final HostWatch watch;
    private final RoomInbox inbox;

    public Rooms(ChatContext ctx, LatencyScores scores) {
        this.ctx = ctx;
        this.book = new RoomBook(ctx);
        this.stored = new RoomEvents(ctx);
        this.hosting = new RoomHosting(ctx, book, stored);
        this.membership = new RoomMembership(ctx, book, stored, hosting);
        this.handover = new HostHandover(ctx, book, hosting, membership, stored);
        this.watch = new HostWatch(ctx, book, handover, membership, hosting, scores);
        this.inbox = new RoomInbox(ctx, book, watch);
        book.loadAll();
        book.all().forEach(hosting::ensureCursors);
    }

    public void register(EventRouter router) {
        hosting.register(router);
        membership.register(router);
        handover.register(router);
        inbox.register(router);
    }

    static RoomMeta metaFrom(RoomRecord r) {
        return new RoomMeta(r.roomId(), r.name(), r.originalHost().value(), r.originalUser().value(),
                r.currentHost().value(), r.epoch(), r.members().stream().map(DeviceId::value).toList(), r.deleted(),
                false, false, List.of(), Map.of());
    }

    /**
     * Creates a room hosted on this device and invites the given devices (online or not: offline ones find it in
     * the registry when they start, and the host keeps their messages). Needs the registry.
     *
     * @throws RegistryUnavailableException if the registry cannot record the room; nothing is created then
     */
    public String create(String name, List<DeviceId> invitees) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ChatException("A room needs a name of 1 to 200 characters.");
        }
        List<DeviceId> members = new ArrayList<>();
        members.add(ctx.self());
        invitees.stream().filter(d -> !members.contains(d)).forEach(members::add);
        RoomRecord record = new RoomRecord(RoomBook.newRoomId(), name.strip(), ctx.self(), ctx.user(), ctx.self(), 0,
                members, false, ctx.clock().millis());
        ctx.registry().createRoom(record);
        Room room = book.open(metaFrom(record));
        hosting.ensureCursors(room);
        LOG.info("Created room {} ({}) with {} members", record.name(), record.roomId(), members.size());
        ctx.events().publish(new ChatEvent.RoomJoined(room.id, record.name()));
        hosting.pumpAll(room);
        return room.id;
    }

    /** Adds a member (this device must host the room); it gets the whole history. */
    public void invite(String roomId, DeviceId device) {
        Room room = room(roomId);
        if (!room.isHost()) {
            throw new ChatException("Only the host of a room can invite; ask " + room.host().shortForm() + ".");
        }
        ctx.registry().addMember(roomId, device);
        synchronized (room) {
            if (!room.isMember(device)) {
                List<String> members = new ArrayList<>(room.meta().members());
                members.add(device.value());
                room.setMeta(room.meta().withMembers(members));
                room.cursors.values().forEach(c -> c.viewSent = false);
            }
        }
        book.saveIfDirty(room);
        hosting.ensureCursors(room);
        hosting.pumpAll(room);
    }

    /**
     * Accepts a message: on return it is on disk in the outbox and will reach every member (it may already have:
     * it is posted as soon as it is written, before the fsync).
     *
     * @return its sender sequence (per device and room)
     */
    public long say(String roomId, String text) {
        ctx.checkText(text);
        Room room = room(roomId);
        RoomMeta meta = room.meta();
        if (meta.deleted() || meta.left()) {
            throw new ChatException("Room " + meta.name() + " is " + (meta.deleted() ? "deleted" : "left")
                    + "; its history is read-only.");
        }
        long senderSeq = room.enqueue(new OutPost(ctx.clock().millis(), text));
        // posted first, forced after: the host's log is forced before anyone sees the line, so this fsync need not
        // be on the way to the members; say() still returns only once the message is on our disk
        membership.pumpPosts(room);
        if (ctx.config().fsync()) {
            room.syncOutbox(senderSeq);
        }
        return senderSeq;
    }

    /** Leaves: the host is told; if that fails the room stays muted and its messages are ignored here. */
    public void leave(String roomId) {
        Room room = room(roomId);
        if (room.isHost()) {
            throw new ChatException("The host cannot leave its room; delete it instead (if you created it).");
        }
        synchronized (room) {
            RoomMeta meta = room.meta();
            room.setMeta(meta.withFlags(meta.deleted(), true, true));
        }
        book.saveIfDirty(room);
        ctx.mesh().linkTo(room.host()).thenCompose((PeerLink link) -> link.request(ChatEvents.LEAVE, new Leave(roomId)))
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.info("Could not tell the host that we left room {} ({}); its messages are ignored here",
                                roomId, e.getMessage());
                    }
                });
        ctx.chatThread().execute(() -> {
            try {
                ctx.registry().removeMember(roomId, ctx.self());
            } catch (RegistryUnavailableException e) {
                LOG.warn("Could not record leaving room {} in the registry: {}", roomId, e.getMessage());
            }
        });
    }

    public void mute(String roomId, boolean muted) {
        Room room = room(roomId);
        synchronized (room) {
            RoomMeta meta = room.meta();
            room.setMeta(meta.withFlags(meta.deleted(), muted, meta.left()));
        }
        book.saveIfDirty(room);
    }

    /**
     * Deletes the room for everyone: only on the creator's device (the registry also checks the user). Members
     * keep the history, read-only.
     */
    public void delete(String roomId) {
        Room room = room(roomId);
        RoomMeta meta = room.meta();
        if (!meta.originalHost().equals(ctx.self().value()) || !meta.originalUser().equals(ctx.user().value())) {
            LOG.warn("Refused to delete room {}: this device did not create it", roomId);
            throw new ChatException("Only the device that created room " + meta.name() + " can delete it.");
        }
        if (!ctx.registry().markDeleted(roomId, ctx.user())) {
            throw new ChatException("The registry refused to delete room " + meta.name() + ".");
        }
        watch.markDeleted(room);
        for (DeviceId member : room.members()) {
            if (!member.equals(ctx.self())) {
                ctx.mesh().linkTo(member).thenCompose(link -> link.request(ChatEvents.DELETED, new Deleted(roomId)))
                        .exceptionally(e -> null); // offline members see the flag in the registry when they start
            }
        }
    }

    public List<RoomLine> history(String roomId) {
        return room(roomId).lines();
    }

    public void markRead(String roomId) {
        Room room = room(roomId);
        long upTo = room.markRead();
        room.log.append(LogRecord.marker(LogRecord.READ, upTo));
        ctx.events().publish(new ChatEvent.UnreadChanged("room:" + roomId, 0));
    }

    public List<RoomSummary> list() {
        return book.all().stream().map(room -> {
            synchronized (room) {
                RoomMeta m = room.meta();
                return new RoomSummary(room.id, m.name(), room.host(), m.epoch(), room.members(),
                        DeviceId.of(m.originalHost()), m.deleted(), m.muted(), m.left(), room.unread(), room.lastSeq());
            }
        }).toList();
    }

    public RoomSummary summary(String roomId) {
        room(roomId);
        return list().stream().filter(s -> s.roomId().equals(roomId)).findFirst().orElseThrow();
    }

    /** Pending messages of ours not yet numbered by a host. */
    public int pending(String roomId) {
        Room room = room(roomId);
        synchronized (room) {
            long confirmed = room.ownConfirmed;
            return (int) room.outbox.pending().stream().filter(item -> item.id() > confirmed).count();
        }
    }

    private Room room(String roomId) {
        return book.get(roomId).orElseThrow(() -> new ChatException("There is no room " + roomId + " on this device."));
    }

    // ---- driven by ChatService ----

    /** After this device is online: align every room with the registry (new invitations, host changes, deletions). */
    public void reconcile() {
        List<RoomRecord> records;
        try {
            records = ctx.registry().roomsOf(ctx.self());
        } catch (RegistryUnavailableException e) {
            LOG.warn("Cannot check the rooms in the registry now: {}", e.getMessage());
            return;
        }
        for (RoomRecord record : records) {
            try {
                boolean isNew = book.get(record.roomId()).isEmpty();
                Room room = book.open(metaFrom(record));
                if (isNew) {
                    ctx.events().publish(new ChatEvent.RoomJoined(room.id, record.name()));
                }
                watch.follow(room, record);
            } catch (RuntimeException e) {
                LOG.error("Could not bring room {} up to date: {}", record.roomId(), e.getMessage());
            }
        }
        book.all().forEach(membership::pumpPosts);
    }

    public void onLinkUp(DeviceId peer) {
        hosting.pumpMember(peer);
        for (Room room : book.all()) {
            if (!room.isHost() && room.host().equals(peer) && !room.meta().left()) {
                ctx.chatThread().execute(() -> membership.sync(room));
            }
        }
    }

    public void onLinkDown(DeviceId peer) {
        watch.onLinkDown(peer);
    }

    /** Periodic: retry deliveries and posts, check hosts we have no link to, save state. */
    public void tick() {
        book.all().forEach(stored::flush);
        hosting.tick();
        watch.tick();
        book.all().forEach(membership::pumpPosts);
    }

    /** Rooms this device is in (not left or deleted) and their members, for sharing latency scores. */
    public Map<String, List<DeviceId>> activeRooms() {
        Map<String, List<DeviceId>> active = new java.util.HashMap<>();
        for (Room room : book.all()) {
            RoomMeta meta = room.meta();
            if (!meta.left() && !meta.deleted()) {
                active.put(room.id, room.members());
            }
        }
        return active;
    }

    @Override
    public void close() {
        book.all().forEach(stored::flush);
        book.close();
    }
}
