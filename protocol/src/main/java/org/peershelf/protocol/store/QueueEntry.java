package org.peershelf.protocol.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a {@link DurableQueue} writes into its log: {@code [kind:1][fields]}. The state is the fold of all entries,
 * which is why a log that is always a prefix of what was written always yields a state the queue once had.
 */
interface QueueEntry {
    byte ENQUEUED = 1;
    byte ACKNOWLEDGED = 2;
    byte CHECKPOINT = 3;

    byte[] encode();

    /** An item with its id. */
    record Enqueued(long id, byte[] item) implements QueueEntry {
        @Override
        public byte[] encode() {
            return ByteBuffer.allocate(9 + item.length).put(ENQUEUED).putLong(id).put(item).array();
        }
    }

    /** Every item with an id up to and including {@code upToId} is done. */
    record Acknowledged(long upToId) implements QueueEntry {
        @Override
        public byte[] encode() {
            return ByteBuffer.allocate(9).put(ACKNOWLEDGED).putLong(upToId).array();
        }
    }

    /** Written first by compaction, so the id counter survives even when no item is left. */
    record Checkpoint(long nextId, long acknowledgedUpTo) implements QueueEntry {
        @Override
        public byte[] encode() {
            return ByteBuffer.allocate(17).put(CHECKPOINT).putLong(nextId).putLong(acknowledgedUpTo).array();
        }
    }

    /** @throws IllegalArgumentException for an unknown kind or a wrong size */
    static QueueEntry decode(byte[] bytes) {
        if (bytes.length < 9) {
            throw new IllegalArgumentException("queue entry of " + bytes.length + " bytes is too short");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte kind = in.get();
        if (kind == ENQUEUED) {
            return new Enqueued(in.getLong(), Arrays.copyOfRange(bytes, 9, bytes.length));
        }
        if (kind == ACKNOWLEDGED && bytes.length == 9) {
            return new Acknowledged(in.getLong());
        }
        if (kind == CHECKPOINT && bytes.length == 17) {
            return new Checkpoint(in.getLong(), in.getLong());
        }
        throw new IllegalArgumentException("unknown queue entry of kind " + kind + " and " + bytes.length + " bytes");
    }
}
