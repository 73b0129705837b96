package org.peershelf.protocol.chat.room;

import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What happens once a line is on this device's disk, host or member: events out, our own outbox entry done. */
final class RoomEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RoomEvents.class);
    private final ChatContext ctx;

    RoomEvents(ChatContext ctx) {
        this.ctx = ctx;
    }

    void stored(Room room, RoomLine line) {
        boolean quiet;
        synchronized (room) {
            room.persistedSeq = Math.max(room.persistedSeq, line.seq());
            quiet = room.meta().muted() || room.meta().left();
        }
        boolean own = line.sender().equals(ctx.self().value());
        if (own) {
            acknowledgeOwn(room, line.senderSeq());
            ctx.events().publish(new ChatEvent.RoomSent(room.id, line.senderSeq(), line.seq()));
        }
        if (!quiet || own) {
            ctx.events().publish(new ChatEvent.RoomMessage(room.id, line));
        }
        if (!quiet && !own) {
            ctx.events().publish(new ChatEvent.UnreadChanged("room:" + room.id, room.unread()));
        }
    }

    /** Our message is numbered and on our disk: it is done (the outbox learns it at the next {@link #flush}). */
    void acknowledgeOwn(Room room, long senderSeq) {
        synchronized (room) {
            room.ownConfirmed = Math.max(room.ownConfirmed, senderSeq);
        }
    }

    /** Writes the outbox acknowledgements gathered since the last flush (one record per room, FIFO). */
    void flush(Room room) {
        long upTo;
        synchronized (room) {
            upTo = Math.min(room.ownConfirmed, room.outbox.nextId() - 1);
        }
        try {
            if (upTo > 0 && room.outbox.peek().map(item -> item.id() <= upTo).orElse(false)) {
                room.outbox.acknowledgeUpTo(upTo);
            }
        } catch (StorageException e) {
            LOG.warn("Could not mark messages of room {} as sent: {}; they may be sent again (the host drops copies)",
                    room.id, e.getMessage());
        }
    }

    void failed(Room room, Throwable error) {
        LOG.error("Could not save a message of room {}: {}", room.id, error.getMessage());
    }
}
