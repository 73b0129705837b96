package org.peershelf.protocol.chat.room;

import java.util.List;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a line on this device: {@link #shown} publishes it to the app as soon as it is in the room's
 * sequence in memory; {@link #stored}, once it is on this device's disk, marks our own outbox entry done and tells the
 * app it is sent. A member may show a line before its own disk has it: the host keeps every line, so a member that
 * crashes in between gets it again with {@code room.sync}; our own messages stay in our outbox until stored.
 */
final class RoomEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RoomEvents.class);
    private final ChatContext ctx;

    RoomEvents(ChatContext ctx) {
        this.ctx = ctx;
    }

    /** The line is on disk here and shown: the host's and a synced or adopted line's path. */
    void storedAndShown(Room room, RoomLine line) {
        stored(room, line);
        shown(room, List.of(line));
    }

    /** Publishes lines that just joined the room's sequence (in order), unless the room is muted or left. */
    void shown(Room room, List<RoomLine> lines) {
        boolean quiet;
        synchronized (room) {
            quiet = room.meta().muted() || room.meta().left();
        }
        boolean othersShown = false;
        for (RoomLine line : lines) {
            boolean own = line.sender().equals(ctx.self().value());
            if (!quiet || own) {
                ctx.events().publish(new ChatEvent.RoomMessage(room.id, line));
            }
            othersShown |= !quiet && !own;
        }
        if (othersShown) {
            ctx.events().publish(new ChatEvent.UnreadChanged("room:" + room.id, room.unread()));
        }
    }

    /** The line is on this device's disk: a host may relay it, our own message is done. */
    void stored(Room room, RoomLine line) {
        synchronized (room) {
            room.persistedSeq = Math.max(room.persistedSeq, line.seq());
        }
        if (line.sender().equals(ctx.self().value())) {
            acknowledgeOwn(room, line.senderSeq());
            ctx.events().publish(new ChatEvent.RoomSent(room.id, line.senderSeq(), line.seq()));
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
