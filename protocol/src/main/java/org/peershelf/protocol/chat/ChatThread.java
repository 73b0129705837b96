package org.peershelf.protocol.chat;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.peershelf.protocol.node.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat service's one thread. Link handlers and registry callbacks hand work to it from other threads, and some
 * of them still run while the service closes (a takeover answered as the peer shuts down, a link lost on the way
 * out). Work handed over after close is dropped with a debug line instead of failing its caller: everything it would
 * change is already on disk, and the next start reconciles the rooms.
 */
final class ChatThread {
    private static final Logger LOG = LoggerFactory.getLogger(ChatThread.class);

    private ChatThread() {
    }

    static ScheduledExecutorService create(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, Threads.daemon(name), (task, pool) -> {
            if (!pool.isShutdown()) {
                throw new RejectedExecutionException("The chat thread refused a task while running.");
            }
            LOG.debug("Chat is closing: dropped a task handed over after close ({})", task);
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
