package org.peershelf.protocol.node;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The threads a node's links run on: the accepting loop, the accepted links' I/O loops, the dialled links' loop and
 * the workers that run link inboxes. The app has one node and one of these. Several peers in one process (the demo
 * network, the benchmarks) can share one, as a Node.js process serves all its sockets from one loop: with a set per
 * peer, 20 peers ran 160 such threads on two cores, and waking one costs more than most of the work it is woken
 * for (docs/BENCHMARKS.md, "Shared node threads").
 */
public final class NodeThreads implements AutoCloseable {
    private final EventLoopGroup acceptor;
    private final EventLoopGroup accepted;
    private final EventLoopGroup dialled;
    private final ExecutorService workers;

    private NodeThreads(int ioThreads, int workerThreads) {
        this.acceptor = new NioEventLoopGroup(1, Threads.daemon("peershelf-accept"));
        this.accepted = new NioEventLoopGroup(ioThreads, Threads.daemon("peershelf-netty"));
        this.dialled = new NioEventLoopGroup(1, Threads.daemon("peershelf-links"));
        this.workers = Executors.newFixedThreadPool(workerThreads, Threads.daemon("peershelf-worker"));
    }

    /** One node's threads: two I/O threads for accepted links, one for dialled links, four workers. */
    public static NodeThreads start() {
        return new NodeThreads(2, 4);
    }

    EventLoopGroup acceptor() {
        return acceptor;
    }

    EventLoopGroup accepted() {
        return accepted;
    }

    EventLoopGroup dialled() {
        return dialled;
    }

    ExecutorService workers() {
        return workers;
    }

    /**
     * Stops every thread at once: Netty's graceful shutdown waits a two-second quiet period per group, which the
     * app paid on every exit and every test; the links are closed before this is called.
     */
    @Override
    public void close() {
        workers.shutdownNow();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        accepted.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        dialled.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
