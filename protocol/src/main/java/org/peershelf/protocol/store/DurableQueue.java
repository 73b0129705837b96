package org.peershelf.protocol.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peershelf.protocol.store.QueueEntry.Acknowledged;
import org.peershelf.protocol.store.QueueEntry.Checkpoint;
import org.peershelf.protocol.store.QueueEntry.Enqueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent FIFO (registry outbox, chat offline queues) on a {@link RecordStore}: every change is one appended
 * entry, so {@link #enqueue} and {@link #acknowledgeUpTo} are durable when they return (with the store's default
 * fsync per append). Delivery is at least once: an item is handed out until acknowledged, and an acknowledgement
 * lost in a crash means redelivery, which receivers absorb by its {@link QueueItem#id() id}.
 *
 * <p>Acknowledged entries are dropped by compaction, an atomic rewrite to a checkpoint plus the pending items,
 * once at least {@value #COMPACT_MIN_RECORDS} entries exist and more than half of them are dead. An item whose
 * bytes the codec cannot decode is saved beside the file as {@code <name>.undecodable-<id>-<timestamp>}, logged,
 * and skipped, so one bad item never stops the queue or the app. All methods but {@link #sync} and
 * {@link #syncUpTo} are synchronized.
 *
 * <p>A queue opened with {@link #openReservingIds} does not need its appends forced before an item's id is used
 * elsewhere (e.g. as a chat sender sequence already sent to a host): before it hands out an id beyond the last
 * reserved block it forces a checkpoint whose {@code nextId} lies past the block, so a restart after an OS crash
 * that lost unsynced items never gives one of their ids out again. One fsync per block; ids then jump by up to a
 * block at each restart.
 */
public final class DurableQueue<T> implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableQueue.class);
    static final int COMPACT_MIN_RECORDS = 128;

    private record Pending<T>(QueueItem<T> item, byte[] bytes) {
    }

    private final RecordStore store;
    private final ItemCodec<T> codec;
    /** Ids reserved per forced checkpoint; 0 if every append is forced anyway (the store's default). */
    private final int idBlock;
    private final Object syncLock = new Object();
    /** Ids up to here may be handed out without forcing anything (see {@link #openReservingIds}). */
    private long reservedUpTo;
    /** Entries up to this id are forced to disk ({@link #syncUpTo}). */
    private volatile long syncedUpTo;
    private final ArrayDeque<Pending<T>> pending = new ArrayDeque<>();
    private long nextId = 1;
    private long acknowledgedUpTo;
    private long lastEnqueuedId;
    private int setAsideCount;
    private boolean compactionBlocked;

    private DurableQueue(RecordStore store, ItemCodec<T> codec, int idBlock) {
        this.store = store;
        this.codec = codec;
        this.idBlock = idBlock;
    }

    /** A queue in a plain {@link RecordLog} at {@code file}. */
    public static <T> DurableQueue<T> open(Path file, ItemCodec<T> codec) {
        return open(RecordLog.open(file), codec);
    }

    /** A queue in the given store (e.g. an {@link EncryptedRecordLog}); the queue owns and closes it. */
    public static <T> DurableQueue<T> open(RecordStore store, ItemCodec<T> codec) {
        return open(store, codec, 0);
    }

    /**
     * A queue in a store that does not force its appends, whose ids may be used before they are synced: ids are
     * reserved {@code idBlock} at a time with one forced checkpoint (see the class comment), so no id is ever
     * given out twice, even after an OS crash lost items that were written but not synced.
     */
    public static <T> DurableQueue<T> openReservingIds(RecordStore store, ItemCodec<T> codec, int idBlock) {
        if (idBlock < 1) {
            throw new IllegalArgumentException("An id block needs at least one id.");
        }
        return open(store, codec, idBlock);
    }

    private static <T> DurableQueue<T> open(RecordStore store, ItemCodec<T> codec, int idBlock) {
        DurableQueue<T> queue = new DurableQueue<>(store, codec, idBlock);
        try {
            store.forEach(queue::replay);
        } catch (RuntimeException e) {
            store.close(); // release the file lock; the caller gets the error, not a half-loaded queue
            throw e;
        }
        if (queue.setAsideCount > 0) {
            queue.compact(); // so the same items are not set aside again at every start
        } else {
            queue.compactIfMostlyDead();
        }
        queue.reservedUpTo = queue.nextId - 1; // a reservation read back is already in nextId
        queue.syncedUpTo = queue.nextId - 1;
        return queue;
    }

    private void replay(byte[] payload, long index) {
        QueueEntry entry;
        try {
            entry = QueueEntry.decode(payload);
        } catch (IllegalArgumentException e) {
            setAside(payload, "undecodable-entry-" + index, e);
            return;
        }
        if (entry instanceof Enqueued enqueued) {
            replayEnqueued(enqueued);
        } else if (entry instanceof Acknowledged ack) {
            markAcknowledged(ack.upToId());
        } else if (entry instanceof Checkpoint checkpoint) {
            nextId = Math.max(nextId, checkpoint.nextId());
            markAcknowledged(checkpoint.acknowledgedUpTo());
        }
    }

    private void replayEnqueued(Enqueued entry) {
        long id = entry.id();
        nextId = Math.max(nextId, id + 1);
        if (id <= lastEnqueuedId || id <= acknowledgedUpTo) {
            return; // already done, or a duplicate that cannot come from this class: never deliver it twice
        }
        lastEnqueuedId = id;
        try {
            pending.add(new Pending<>(new QueueItem<>(id, codec.decode(entry.item())), entry.item()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            setAside(entry.item(), "undecodable-" + id, e);
        }
    }

    private void setAside(byte[] bytes, String kind, RuntimeException reason) {
        try {
            Path saved = DamagedCopies.save(store.file(), kind, bytes);
            setAsideCount++;
            LOG.error("{} holds something this version cannot read ({}); saved it as {} and skipped it",
                    store.file(), reason.getMessage(), saved);
        } catch (IOException e) {
            compactionBlocked = true; // the log holds the only copy, and compaction would drop it
            LOG.error("{} holds something this version cannot read ({}); skipped it, and kept it in the file "
                    + "because it could not be saved aside: {}", store.file(), reason.getMessage(), e.getMessage());
        }
    }

    /**
     * Appends the item durably and returns its id.
     *
     * @throws StorageException if it could not be saved (e.g. full disk); the queue is then unchanged
     */
    public synchronized long enqueue(T item) {
        byte[] bytes = codec.encode(item);
        // taken even if the append fails: the frame may still have reached the disk, and an id must never be reused
        long id = nextId++;
        if (idBlock > 0 && id > reservedUpTo) {
            reserveFrom(id);
        }
        store.append(new Enqueued(id, bytes).encode());
        lastEnqueuedId = id;
        pending.add(new Pending<>(new QueueItem<>(id, item), bytes));
        return id;
    }

    /**
     * Forces a checkpoint past {@code id + idBlock - 1}: a restart, whatever the disk lost, starts numbering above it.
     * A checkpoint, not a new kind of entry, so an older version reading the file keeps the rule too.
     */
    private void reserveFrom(long id) {
        long upTo = id + idBlock - 1;
        store.append(new Checkpoint(upTo + 1, acknowledgedUpTo).encode());
        store.sync();
        reservedUpTo = upTo;
        syncedUpTo = Math.max(syncedUpTo, id - 1);
    }

    /**
     * Forces what was appended to disk, for a queue whose store does not force every append. Deliberately not under
     * the queue's lock: readers ({@link #pending}, {@link #peek}) go on while the disk syncs.
     *
     * @throws StorageException if the disk refused
     */
    public void sync() {
        syncUpTo(Long.MAX_VALUE);
    }

    /**
     * Forces every entry up to item {@code id} to disk, sharing the fsync with concurrent callers: a caller that
     * waited while another synced finds its entry covered and returns without syncing again (group commit).
     *
     * @throws StorageException if the disk refused
     */
    public void syncUpTo(long id) {
        synchronized (syncLock) {
            if (syncedUpTo >= id) {
                return;
            }
            long covered;
            synchronized (this) {
                covered = nextId - 1; // everything handed out so far is appended (appends run under this lock)
            }
            store.sync();
            syncedUpTo = Math.max(syncedUpTo, covered);
        }
    }

    /** The oldest unacknowledged item, if any; it stays queued until acknowledged. */
    public synchronized Optional<QueueItem<T>> peek() {
        Pending<T> head = pending.peekFirst();
        return head == null ? Optional.empty() : Optional.of(head.item());
    }

    /** Every unacknowledged item, oldest first. */
    public synchronized List<QueueItem<T>> pending() {
        List<QueueItem<T>> items = new ArrayList<>(pending.size());
        pending.forEach(p -> items.add(p.item()));
        return items;
    }

    public synchronized int size() {
        return pending.size();
    }

    public synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Acknowledges this item and, the queue being FIFO, every item before it. */
    public void acknowledge(QueueItem<T> item) {
        acknowledgeUpTo(item.id());
    }

    /**
     * Durably marks every item with an id up to {@code id} as done; they are never handed out again. Repeating an
     * acknowledgement is harmless.
     *
     * @throws IllegalArgumentException if no item with that id was handed out yet
     * @throws StorageException         if the acknowledgement could not be saved; the items then stay queued
     */
    public synchronized void acknowledgeUpTo(long id) {
        if (id >= nextId) {
            throw new IllegalArgumentException("Cannot acknowledge item " + id + ": the last id given out is "
                    + (nextId - 1));
        }
        if (id <= acknowledgedUpTo) {
            return;
        }
        store.append(new Acknowledged(id).encode());
        markAcknowledged(id);
        compactIfMostlyDead();
    }

    private void markAcknowledged(long upTo) {
        acknowledgedUpTo = Math.max(acknowledgedUpTo, upTo);
        while (!pending.isEmpty() && pending.peekFirst().item().id() <= acknowledgedUpTo) {
            pending.removeFirst();
        }
    }

    private void compactIfMostlyDead() {
        long records = store.count();
        if (records >= COMPACT_MIN_RECORDS && records > 2L * (pending.size() + 1)) {
            compact();
        }
    }

    private void compact() {
        if (compactionBlocked) {
            return;
        }
        List<byte[]> entries = new ArrayList<>(pending.size() + 1);
        // a reserved block survives compaction: ids of items lost unsynced must not come back after it either
        entries.add(new Checkpoint(Math.max(nextId, reservedUpTo + 1), acknowledgedUpTo).encode());
        pending.forEach(p -> entries.add(new Enqueued(p.item().id(), p.bytes()).encode()));
        try {
            store.rewrite(entries);
            setAsideCount = 0;
        } catch (StorageException e) {
            // nothing is lost: every change is already in the log; compaction is retried on a later acknowledgement
            LOG.warn("Could not compact {}: {}", store.file(), e.getMessage());
        }
    }

    /** Ids handed out so far are below this; the next {@link #enqueue} gets it or a larger one. */
    public synchronized long nextId() {
        return nextId;
    }

    @Override
    public synchronized void close() {
        store.close();
    }
}
