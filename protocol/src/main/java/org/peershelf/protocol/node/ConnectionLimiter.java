package org.peershelf.protocol.node;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.peershelf.protocol.config.ConnectionLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every server connection: refuses (closes at once, before TLS) a connection from
 * an address that already has its maximum open, or that opens new ones faster than allowed. One INFO
 * line per address per minute says so, so a flood does not flood the log. {@code maxLinks} bounds
 * authenticated links only; this bounds everything before the handshake.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;
    /** Addresses with no open connection are forgotten once this many are tracked (their buckets refill anyway). */
    private static final int MAX_TRACKED = 10_000;

    private final ConnectionLimits limits;
    private final LongSupplier nanos;
    private final Map<InetAddress, PerAddress> addresses = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    private static final class PerAddress {
        final TokenBucket attempts;
        int open;
        long lastLogNanos = Long.MIN_VALUE;

        PerAddress(TokenBucket attempts) {
            this.attempts = attempts;
        }
    }

    public ConnectionLimiter(ConnectionLimits limits) {
        this(limits, System::nanoTime);
    }

    ConnectionLimiter(ConnectionLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    /** Connections refused so far (for tests and diagnostics). */
    public long refusedCount() {
        return refused.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = addressOf(ctx.channel().remoteAddress());
        if (address == null || admit(address)) {
            if (address != null) {
                ctx.channel().closeFuture().addListener(closed -> release(address));
            }
            super.channelActive(ctx);
            return;
        }
        refused.incrementAndGet();
        ctx.close();
    }

    private boolean admit(InetAddress address) {
        boolean loopback = address.isLoopbackAddress();
        if (addresses.size() > MAX_TRACKED) {
            addresses.values().removeIf(p -> {
                synchronized (p) {
                    return p.open == 0;
                }
            });
        }
        PerAddress state = addresses.computeIfAbsent(address, a -> new PerAddress(loopback
                ? new TokenBucket(limits.loopbackAttemptsPerSecond(), limits.loopbackAttemptBurst(), nanos)
                : new TokenBucket(limits.attemptsPerSecond(), limits.attemptBurst(), nanos)));
        int max = loopback ? limits.maxPerLoopback() : limits.maxPerAddress();
        String reason;
        synchronized (state) {
            if (state.open >= max) {
                reason = state.open + " connections open (at most " + max + ")";
            } else if (!state.attempts.tryTake()) {
                reason = "connecting too often";
            } else {
                state.open++;
                return true;
            }
            long now = nanos.getAsLong();
            if (state.lastLogNanos == Long.MIN_VALUE || now - state.lastLogNanos >= LOG_EVERY_NANOS) {
                state.lastLogNanos = now;
                LOG.info("Refusing connections from {}: {} (further refusals from it are not logged for a minute)",
                        address.getHostAddress(), reason);
            }
        }
        return false;
    }

    private void release(InetAddress address) {
        PerAddress state = addresses.get(address);
        if (state != null) {
            synchronized (state) {
                state.open = Math.max(0, state.open - 1);
            }
        }
    }

    private static InetAddress addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
