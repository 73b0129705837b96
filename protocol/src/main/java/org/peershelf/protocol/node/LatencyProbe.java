package org.peershelf.protocol.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.LinkMessages.Ping;

/**
 * Pings links at a fixed interval and feeds the round trip into the link's smoothed RTT, which chat failover and
 * holder choice rank by. One side of a link pings, the device with the smaller id, and each ping carries the round
 * trip it measured so far, so the other side learns it by answering: a 20-member room's 190 links sent 380 pings a
 * second where 190 do. The other side pings too while it has not heard a round trip for a few intervals (a remote
 * of an older version, or a remote that is hung). A link that misses several pings in a row is closed: the peer is
 * hung even if its socket is not.
 */
final class LatencyProbe {
    private static final int MAX_MISSES = 3;
    /** Intervals without a shared round trip after which the other side probes the link itself. */
    private static final int QUIET_INTERVALS = 3;
    /** The other side still pings every this many intervals, to keep a measurement of its own to check shared ones. */
    private static final int OWN_CHECK_EVERY = 10;

    private final Links links;
    private final Map<PeerLink, Integer> misses = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;
    private long quietNanos;
    private long rounds;

    LatencyProbe(Links links) {
        this.links = links;
    }

    void start(ScheduledExecutorService timers, long intervalMillis) {
        quietNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis * QUIET_INTERVALS);
        task = timers.scheduleWithFixedDelay(this::probeAll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** True if this side pings the link: it is the smaller device, or the other side has gone quiet. */
    static boolean probes(PeerLink link, long quietNanos) {
        return link.self().value().compareTo(link.remote().value()) < 0 || link.nanosSinceRemoteRtt() > quietNanos;
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void probeAll() {
        misses.keySet().removeIf(link -> !link.isOpen());
        boolean ownCheck = rounds++ % OWN_CHECK_EVERY == 0;
        for (PeerLink link : links.all()) {
            if (!ownCheck && !probes(link, quietNanos)) {
                misses.remove(link);
                continue;
            }
            long sent = System.nanoTime();
            double rtt = link.rtt().smoothedMillis();
            link.request(Events.PING, new Ping(sent, Double.isNaN(rtt) ? null : rtt)).whenComplete((pong, error) -> {
                if (error == null) {
                    link.recordOwnRtt((System.nanoTime() - sent) / 1_000_000.0);
                    misses.remove(link);
                } else if (misses.merge(link, 1, Integer::sum) >= MAX_MISSES) {
                    link.close("no answer to " + MAX_MISSES + " pings");
                }
            });
        }
    }
}
