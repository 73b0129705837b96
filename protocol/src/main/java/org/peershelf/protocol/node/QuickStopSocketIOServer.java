package org.peershelf.protocol.node;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.Future;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

/**
 * netty-socketio's stop() shuts its event loops down "gracefully" with Netty's default two-second
 * quiet period, one group after the other: four seconds to close a peer, on every app exit and in
 * every test. The server keeps its groups in private fields with no way to pass our own, so this
 * subclass puts groups there whose graceful shutdown has no quiet period. The pinned library version
 * and {@code PeerServerTest} guard the field names.
 */
final class QuickStopSocketIOServer extends SocketIOServer {
    private final Configuration settings;
    private final ByteBufAllocator buffers;

    /** @param buffers the allocator of the server's channels (netty-socketio has no setting for it) */
    QuickStopSocketIOServer(Configuration configuration, ByteBufAllocator buffers) {
        super(configuration);
        this.settings = configuration;
        this.buffers = buffers;
    }

    @Override
    protected void applyConnectionOptions(ServerBootstrap bootstrap) {
        super.applyConnectionOptions(bootstrap);
        bootstrap.option(ChannelOption.ALLOCATOR, buffers).childOption(ChannelOption.ALLOCATOR, buffers);
    }

    /**
     * The server builds a default pipeline (with its own timer) before we can pass ours; release the
     * replaced one's timer, or Netty's leak detector logs an ERROR when it is collected.
     */
    @Override
    public void setPipelineFactory(SocketIOChannelInitializer replacement) {
        Object replaced = get(SocketIOServer.class, this, "pipelineFactory");
        if (replaced != replacement && replaced instanceof SocketIOChannelInitializer initializer
                && get(SocketIOChannelInitializer.class, initializer, "scheduler") instanceof CancelableScheduler timer) {
            timer.shutdown();
        }
        super.setPipelineFactory(replacement);
    }

    private static Object get(Class<?> owner, Object instance, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("netty-socketio changed its fields; see QuickStopSocketIOServer", e);
        }
    }

    @Override
    protected void initGroups() {
        set("bossGroup", new QuickGroup(settings.getBossThreads()));
        set("workerGroup", new QuickGroup(settings.getWorkerThreads()));
    }

    private void set(String name, NioEventLoopGroup group) {
        try {
            Field field = SocketIOServer.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(this, group);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("netty-socketio changed its fields; see QuickStopSocketIOServer", e);
        }
    }

    private static final class QuickGroup extends NioEventLoopGroup {
        QuickGroup(int threads) {
            super(threads, Threads.daemon("peershelf-netty"));
        }

        @Override
        public Future<?> shutdownGracefully() {
            return shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }
}
