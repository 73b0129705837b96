package org.peershelf.protocol.node;

import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One user's view of a shared scheduler: its tasks run on the shared threads, and its {@code shutdown}
 * cancels only the tasks it scheduled, so a library that shuts "its" scheduler down on close does not stop
 * the shared one. Lets every client link use the node's timer thread instead of a thread of its own.
 */
final class BorrowedScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ScheduledExecutorService shared;
    private final Set<ScheduledFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    BorrowedScheduler(ScheduledExecutorService shared) {
        this.shared = shared;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return track(() -> shared.schedule(command, delay, unit));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return track(() -> shared.schedule(callable, delay, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return track(() -> shared.scheduleAtFixedRate(command, initialDelay, period, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return track(() -> shared.scheduleWithFixedDelay(command, initialDelay, delay, unit));
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        pending.forEach(f -> f.cancel(false));
        pending.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown || shared.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return isShutdown();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isShutdown();
    }

    /** Tasks still scheduled; a done task leaves the set when it finishes, so the set does not grow. */
    int pendingCount() {
        pending.removeIf(ScheduledFuture::isDone);
        return pending.size();
    }

    private <F extends ScheduledFuture<?>> F track(Supplier<F> scheduling) {
        if (isShutdown()) {
            throw new RejectedExecutionException("scheduler view is shut down");
        }
        F future = scheduling.get();
        pending.add(future);
        // engine.io schedules one timer per packet received; drop finished or cancelled ones as we go
        if (pending.size() > 8) {
            pending.removeIf(ScheduledFuture::isDone);
        }
        if (shutdown) {
            future.cancel(false); // shut down while we were scheduling
        }
        return future;
    }
}
