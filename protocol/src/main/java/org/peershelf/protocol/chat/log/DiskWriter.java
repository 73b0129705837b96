package org.peershelf.protocol.chat.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.store.RecordStore;
import org.peershelf.protocol.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for chat logs: appends from every room go to one thread, which writes what has piled up and then
 * fsyncs each touched file once. A message is acknowledged only when its future completes, i.e. after the fsync,
 * but at 500 messages/s the fsync is paid per batch, not per message.
 * Appends to one store are written in the order they were submitted.
 * <p>
 * A lazy append ({@link #appendLazily}) is for a copy that another device keeps too (a member's copy of a room
 * line, which the host keeps and serves again with {@code room.sync}): it completes once written to the file, and
 * the file is synced within {@link #LAZY_SYNC_NANOS} (or with the next ordinary append, whichever is first). Twenty
 * members of a busy room on one disk then sync a few dozen times a second, not once per line each. When nothing of
 * its file is queued, a lazy append is written on the calling thread (the network thread that received the lines),
 * so the member acknowledges them from there: handing each delivery to this thread and the completion back cost
 * three thread switches per member, and on this project's machines a switch costs more than the write.
 */
public final class DiskWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiskWriter.class);
    /** How long a lazily appended record may stay written but not synced. */
    static final long LAZY_SYNC_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** @param payloads what to write; none for a note that the caller wrote the store itself (sync it lazily) */
    private record Job(RecordStore store, List<byte[]> payloads, CompletableFuture<Void> done, boolean lazy) {
        boolean writtenByCaller() {
            return payloads.isEmpty();
        }
    }

    private final LinkedBlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    /**
     * Jobs queued and not yet written, per store: a caller may write a store itself only when it has none, or it
     * would overtake them. Guarded by itself, as is {@link #writtenByCallers}.
     */
    private final Map<RecordStore, Integer> queued = new IdentityHashMap<>();
    /** Stores callers wrote since this thread was last told to sync them. */
    private final Set<RecordStore> writtenByCallers = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * Stores this thread is forcing: a caller writing one would wait for the fsync (the store's methods are
     * synchronized) while holding {@link #queued}, stalling every append of the device; it queues instead.
     */
    private final Set<RecordStore> syncing = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Thread thread;
    private final boolean fsync;
    /** Stores written lazily and not synced yet; only the writer thread touches it. */
    private final Set<RecordStore> unsynced = Collections.newSetFromMap(new IdentityHashMap<>());
    private long syncUnsyncedBy;
    private volatile boolean closed;

    public DiskWriter(String name) {
        this(name, true);
    }

    /** @param fsync false only to measure what durability costs: records are written but not forced to disk */
    public DiskWriter(String name, boolean fsync) {
        this.fsync = fsync;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes after the record is on disk; fails with {@link StorageException} if it could not be saved. */
    public CompletableFuture<Void> append(RecordStore store, byte[] payload) {
        synchronized (queued) {
            return enqueue(new Job(store, List.of(payload), new CompletableFuture<>(), false));
        }
    }

    /**
     * Completes after the record is written to the file (it survives this process crashing); it is synced to disk
     * within {@link #LAZY_SYNC_NANOS}. Only for records another device keeps too.
     */
    public CompletableFuture<Void> appendLazily(RecordStore store, List<byte[]> payloads) {
        if (payloads.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (queued) {
            if (closed || queued.containsKey(store) || syncing.contains(store)) {
                return enqueue(new Job(store, List.copyOf(payloads), new CompletableFuture<>(), true));
            }
            try {
                store.appendAll(payloads);
            } catch (RuntimeException e) {
                LOG.error("Could not save chat messages to {}: {}", store.file(), e.getMessage());
                return CompletableFuture.failedFuture(e);
            }
            if (writtenByCallers.add(store)) {
                jobs.add(new Job(store, List.of(), null, true)); // sync it within LAZY_SYNC_NANOS
            }
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Called holding {@link #queued}. */
    private CompletableFuture<Void> enqueue(Job job) {
        if (closed) {
            job.done().completeExceptionally(new StorageException("The chat store is closed."));
        } else {
            queued.merge(job.store(), 1, Integer::sum);
            jobs.add(job);
        }
        return job.done();
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        while (!closed || !jobs.isEmpty()) {
            try {
                Job first = unsynced.isEmpty() ? jobs.take()
                        : jobs.poll(syncUnsyncedBy - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    jobs.drainTo(batch);
                }
            } catch (InterruptedException e) {
                if (!closed) {
                    continue;
                }
            }
            write(batch);
            batch.clear();
        }
        Map<RecordStore, RuntimeException> failed = new IdentityHashMap<>();
        syncAll(failed, Set.copyOf(unsynced));
        failed.forEach((store, e) -> LOG.error("Could not sync {} on closing: {}", store.file(), e.getMessage()));
        jobs.stream().filter(job -> !job.writtenByCaller())
                .forEach(job -> job.done().completeExceptionally(new StorageException("The chat store is closed.")));
    }

    private void write(List<Job> batch) {
        Map<RecordStore, RuntimeException> failed = new IdentityHashMap<>();
        Set<RecordStore> toSync = Collections.newSetFromMap(new IdentityHashMap<>());
        // one write per store: its records in submission order (a failure fails them all, and nothing after)
        Map<RecordStore, List<Job>> byStore = new IdentityHashMap<>();
        for (Job job : batch) {
            if (job.writtenByCaller()) {
                synchronized (queued) {
                    writtenByCallers.remove(job.store()); // before the sync below: a write after this asks again
                }
            }
            byStore.computeIfAbsent(job.store(), s -> new ArrayList<>()).add(job);
        }
        for (Map.Entry<RecordStore, List<Job>> entry : byStore.entrySet()) {
            RecordStore store = entry.getKey();
            List<Job> jobs = entry.getValue();
            List<byte[]> payloads = jobs.stream().flatMap(job -> job.payloads().stream()).toList();
            try {
                if (!payloads.isEmpty()) {
                    store.appendAll(payloads);
                }
            } catch (RuntimeException e) {
                failed.put(store, e);
                continue;
            } finally {
                long written = jobs.stream().filter(job -> !job.writtenByCaller()).count();
                if (written > 0) {
                    synchronized (queued) {
                        queued.computeIfPresent(store, (s, n) -> n > written ? (int) (n - written) : null);
                    }
                }
            }
            if (jobs.stream().anyMatch(job -> !job.lazy())) {
                toSync.add(store);
            } else {
                if (unsynced.isEmpty()) {
                    syncUnsyncedBy = System.nanoTime() + LAZY_SYNC_NANOS;
                }
                unsynced.add(store);
            }
        }
        // an ordinary append syncs now, and takes everything written lazily with it
        if (!toSync.isEmpty() || (!unsynced.isEmpty() && System.nanoTime() - syncUnsyncedBy >= 0)) {
            toSync.addAll(unsynced);
            unsynced.clear();
        }
        syncAll(failed, toSync);
        for (Job job : batch) {
            RuntimeException error = failed.get(job.store());
            if (job.writtenByCaller()) {
                continue; // nobody waits on it; a failed sync is logged below
            }
            if (error == null) {
                job.done().complete(null);
            } else {
                job.done().completeExceptionally(error);
            }
        }
        if (!failed.isEmpty()) {
            LOG.error("Could not save chat messages to {}: {}", failed.keySet().iterator().next().file(),
                    failed.values().iterator().next().getMessage());
        }
    }

    private void syncAll(Map<RecordStore, RuntimeException> failed, Set<RecordStore> stores) {
        if (!fsync) {
            return;
        }
        for (RecordStore store : stores) {
            synchronized (queued) {
                syncing.add(store);
            }
            try {
                store.sync();
            } catch (RuntimeException e) {
                failed.putIfAbsent(store, e);
            } finally {
                synchronized (queued) {
                    syncing.remove(store);
                }
            }
        }
    }

    /** Writes and syncs what is queued, then stops. */
    @Override
    public void close() {
        synchronized (queued) {
            closed = true;
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
