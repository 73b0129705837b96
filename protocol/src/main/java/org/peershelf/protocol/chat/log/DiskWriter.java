package org.peershelf.protocol.chat.log;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.peershelf.protocol.store.RecordStore;
import org.peershelf.protocol.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for chat logs: appends from every room go to one thread, which writes what has piled up and then
 * fsyncs each touched file once. A message is acknowledged only when its future completes, i.e. after the fsync,
 * but at 500 messages/s the fsync (about 4 ms on this machine) is paid per batch, not per message.
 * Appends to one store complete in the order they were submitted.
 */
public final class DiskWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiskWriter.class);

    private record Job(RecordStore store, byte[] payload, CompletableFuture<Void> done) {
    }

    private final LinkedBlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final boolean fsync;
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new StorageException("The chat store is closed."));
            return done;
        }
        jobs.add(new Job(store, payload, done));
        return done;
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        while (!closed || !jobs.isEmpty()) {
            try {
                batch.add(jobs.take());
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                continue;
            }
            jobs.drainTo(batch);
            write(batch);
            batch.clear();
        }
        jobs.forEach(job -> job.done().completeExceptionally(new StorageException("The chat store is closed.")));
    }

    private void write(List<Job> batch) {
        Map<RecordStore, RuntimeException> failed = new IdentityHashMap<>();
        Map<RecordStore, Boolean> touched = new IdentityHashMap<>();
        for (Job job : batch) {
            if (failed.containsKey(job.store())) {
                continue; // keep the order: nothing after a failed record of the same store
            }
            try {
                job.store().append(job.payload());
                touched.put(job.store(), true);
            } catch (RuntimeException e) {
                failed.put(job.store(), e);
            }
        }
        for (RecordStore store : fsync ? touched.keySet() : java.util.Set.<RecordStore>of()) {
            try {
                store.sync();
            } catch (RuntimeException e) {
                failed.putIfAbsent(store, e);
            }
        }
        for (Job job : batch) {
            RuntimeException error = failed.get(job.store());
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

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
