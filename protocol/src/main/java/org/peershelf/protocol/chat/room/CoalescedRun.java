package org.peershelf.protocol.chat.room;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task run on an executor once for a burst of requests: a request while a run is queued joins that run, a request
 * once it started queues the next one (so what the request was for is never missed).
 */
final class CoalescedRun {
    private final Executor executor;
    private final Runnable task;
    private final AtomicBoolean queued = new AtomicBoolean();

    CoalescedRun(Executor executor, Runnable task) {
        this.executor = executor;
        this.task = task;
    }

    void request() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException e) {
            queued.set(false); // the executor is stopping: nothing left to run for
        }
    }

    private void run() {
        queued.set(false); // before the task: a request from here on needs a run that sees its change
        task.run();
    }
}
