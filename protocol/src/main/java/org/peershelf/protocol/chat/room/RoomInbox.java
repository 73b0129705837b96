package org.peershelf.protocol.chat.room;

import java.util.Optional;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatEvents;
import org.peershelf.protocol.chat.ChatWire.Deleted;
import org.peershelf.protocol.chat.ChatWire.RoomView;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.EventRouter;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.registry.RoomRecord;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Member side of room control: invitations and membership updates from the host, deletion by the creator. */
final class RoomInbox {
    private static final Logger LOG = LoggerFactory.getLogger(RoomInbox.class);
    private final ChatContext ctx;
    private final RoomBook book;
    private final HostWatch watch;

    RoomInbox(ChatContext ctx, RoomBook book, HostWatch watch) {
        this.ctx = ctx;
        this.book = book;
        this.watch = watch;
    }

    void register(EventRouter router) {
        router.registerSync(ChatEvents.STATE, this::onState);
        router.registerSync(ChatEvents.DELETED, this::onDeleted);
    }

    private Empty onState(PeerLink link, RoomView view) {
        if (!RoomBook.isValidId(view.roomId()) || view.name() == null || view.members() == null
                || !DeviceId.isValid(view.originalHost()) || !DeviceId.isValid(view.currentHost())
                || view.originalUser() == null || !view.members().stream().allMatch(DeviceId::isValid)) {
            throw new ProtocolException(ErrorCodes.MALFORMED, "Room state without valid ids.");
        }
        if (!link.remote().value().equals(view.currentHost())) {
            LOG.warn("Refused room state for {} from {}, which does not host it", view.roomId(), link.remote().shortForm());
            throw new ProtocolException(ErrorCodes.NOT_HOST, "Only the host describes a room.");
        }
        Optional<Room> known = book.get(view.roomId());
        if (known.isEmpty()) {
            if (!view.members().contains(ctx.self().value())) {
                throw new ProtocolException(ErrorCodes.NOT_MEMBER, "This device is not a member of that room.");
            }
            Room room = book.open(Rooms.metaFrom(new RoomRecord(view.roomId(), view.name(),
                    DeviceId.of(view.originalHost()), new UserId(view.originalUser()), DeviceId.of(view.currentHost()),
                    view.epoch(), view.members().stream().map(DeviceId::of).toList(), view.deleted(), 0)));
            LOG.info("Joined room {} ({}) hosted by {}", view.name(), room.id, link.remote().shortForm());
            ctx.events().publish(new ChatEvent.RoomJoined(room.id, view.name()));
            return Empty.INSTANCE;
        }
        Room room = known.get();
        boolean removed;
        synchronized (room) {
            if (!link.remote().equals(room.host()) || view.epoch() < room.epoch()) {
                throw new ProtocolException(ErrorCodes.NOT_HOST, "Not the current host of the room.");
            }
            RoomMeta meta = room.meta();
            removed = !view.members().contains(ctx.self().value());
            room.setMeta(meta.withMembers(view.members()).withFlags(meta.deleted() || view.deleted(), meta.muted(),
                    meta.left() || removed));
        }
        book.saveIfDirty(room);
        if (view.deleted()) {
            watch.markDeleted(room);
        }
        return Empty.INSTANCE;
    }

    private Empty onDeleted(PeerLink link, Deleted deleted) {
        Room room = book.get(deleted.roomId()).orElseThrow(() -> new ProtocolException(ErrorCodes.NOT_FOUND,
                "This device does not know that room."));
        // the registry is the judge: its deleted flag can only be set by the creator's user (conditioned update)
        RoomRecord record = ctx.registry().findRoom(room.id).orElseThrow(() -> new ProtocolException(
                ErrorCodes.NOT_FOUND, "The registry does not know the room."));
        if (!record.deleted() || !record.originalHost().equals(link.remote())) {
            LOG.warn("Refused a deletion of room {} from {}: only its creator can delete it", room.id,
                    link.remote().shortForm());
            throw new ProtocolException(ErrorCodes.REFUSED, "Only the room's creator can delete it.");
        }
        watch.markDeleted(room);
        return Empty.INSTANCE;
    }
}
