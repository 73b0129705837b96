package org.peershelf.protocol.node;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a shared pool. Each link gets one, so events from
 * one peer are handled in the order they arrived without a thread per link. Once the pool is shut down,
 * tasks are dropped quietly (the Socket.IO client still delivers events while its sockets close).
 */
final class SerialExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor pool;
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        drainOnPool();
    }

    /**
     * Runs {@code task} on the calling thread if nothing of this executor is queued or running (saving a hand-off to
     * the pool and back), else queues it behind the rest; either way in submission order. Tasks queued while it runs
     * go to the pool.
     */
    void executeHereIfIdle(Runnable task) {
        synchronized (this) {
            if (running) {
                tasks.add(task);
                return;
            }
            running = true;
        }
        try {
            task.run();
        } finally {
            boolean more;
            synchronized (this) {
                more = !tasks.isEmpty();
                running = more;
            }
            if (more) {
                drainOnPool();
            }
        }
    }

    private void drainOnPool() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the node is stopping: late network callbacks have nothing left to do
            synchronized (this) {
                tasks.clear();
                running = false;
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            next.run();
        }
    }
}
