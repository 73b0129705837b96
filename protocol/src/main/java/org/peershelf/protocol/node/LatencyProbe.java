package org.peershelf.protocol.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.LinkMessages.Ping;

/**
 * Pings every link at a fixed interval and feeds the round trip into the link's smoothed RTT, which
 * chat failover and holder choice rank by. A link that misses several pings in a row is closed: the
 * peer is hung even if its socket is not.
 */
final class LatencyProbe {
    private static final int MAX_MISSES = 3;

    private final Links links;
    private final Map<PeerLink, Integer> misses = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;

    LatencyProbe(Links links) {
        this.links = links;
    }

    void start(ScheduledExecutorService timers, long intervalMillis) {
        task = timers.scheduleWithFixedDelay(this::probeAll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void probeAll() {
        misses.keySet().removeIf(link -> !link.isOpen());
        for (PeerLink link : links.all()) {
            long sent = System.nanoTime();
            link.request(Events.PING, new Ping(sent)).whenComplete((pong, error) -> {
                if (error == null) {
                    link.rtt().record((System.nanoTime() - sent) / 1_000_000.0);
                    misses.remove(link);
                } else if (misses.merge(link, 1, Integer::sum) >= MAX_MISSES) {
                    link.close("no answer to " + MAX_MISSES + " pings");
                }
            });
        }
    }
}
