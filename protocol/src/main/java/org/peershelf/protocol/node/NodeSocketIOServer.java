package org.peershelf.protocol.node;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * netty-socketio's server on the node's event loops ({@link NodeThreads}) instead of loops of its own. The server
 * keeps its loops in private fields with no way to pass ours, and its stop() shuts them down (with Netty's
 * two-second quiet period each), which would stop every other user of shared loops; so this subclass sets the fields
 * and stops by closing its own channels: the listening one and every accepted connection. The pinned library
 * version and every test that starts a node guard the field names.
 */
final class NodeSocketIOServer extends SocketIOServer {
    private static final long CLOSE_WAIT_MILLIS = 2_000;
    private final ByteBufAllocator buffers;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    /** The listening channel and the accepted ones still open. */
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

    /** @param buffers the allocator of the server's channels (netty-socketio has no setting for it) */
    NodeSocketIOServer(Configuration configuration, ByteBufAllocator buffers, EventLoopGroup acceptor,
                       EventLoopGroup io) {
        super(configuration);
        this.buffers = buffers;
        this.acceptor = acceptor;
        this.io = io;
    }

    @Override
    protected void initGroups() {
        set("bossGroup", acceptor);
        set("workerGroup", io);
    }

    @Override
    protected void applyConnectionOptions(ServerBootstrap bootstrap) {
        super.applyConnectionOptions(bootstrap);
        bootstrap.option(ChannelOption.ALLOCATOR, buffers).childOption(ChannelOption.ALLOCATOR, buffers);
        bootstrap.handler(new ChannelTracker());
    }

    /**
     * The server builds a default pipeline (with its own timer) before we can pass ours; release the
     * replaced one's timer, or Netty's leak detector logs an ERROR when it is collected.
     */
    @Override
    public void setPipelineFactory(SocketIOChannelInitializer replacement) {
        Object replaced = get("pipelineFactory");
        if (replaced != replacement && replaced instanceof SocketIOChannelInitializer initializer
                && read(SocketIOChannelInitializer.class, initializer, "scheduler") instanceof CancelableScheduler timer) {
            timer.shutdown();
        }
        super.setPipelineFactory(replacement);
    }

    /**
     * Closes the listening channel first (so nothing is accepted after the list of connections is taken), then every
     * connection it accepted, and waits briefly until they are closed.
     */
    @Override
    public void stop() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        List<Channel> listening = channels.stream().filter(c -> c instanceof ServerChannel).toList();
        awaitAll(listening.stream().map(Channel::close).toList(), deadline);
        awaitAll(channels.stream().map(Channel::close).toList(), deadline);
        ((SocketIOChannelInitializer) get("pipelineFactory")).stop();
    }

    private static void awaitAll(List<ChannelFuture> closing, long deadline) {
        for (ChannelFuture future : closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || future.channel().eventLoop().inEventLoop()) {
                return; // never wait on the loop that has to do the closing
            }
            future.awaitUninterruptibly(left, TimeUnit.NANOSECONDS);
        }
    }

    /** Sits in the listening channel's pipeline: sees the listening channel and each connection it accepts. */
    @ChannelHandler.Sharable
    private final class ChannelTracker extends ChannelInboundHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            track(ctx.channel());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                track(accepted);
            }
            ctx.fireChannelRead(msg);
        }

        private void track(Channel channel) {
            channels.add(channel);
            channel.closeFuture().addListener(f -> channels.remove(channel));
        }
    }

    private Object get(String name) {
        return read(SocketIOServer.class, this, name);
    }

    private static Object read(Class<?> owner, Object instance, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("netty-socketio changed its fields; see NodeSocketIOServer", e);
        }
    }

    private void set(String name, EventLoopGroup group) {
        try {
            Field field = SocketIOServer.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(this, group);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("netty-socketio changed its fields; see NodeSocketIOServer", e);
        }
    }
}
