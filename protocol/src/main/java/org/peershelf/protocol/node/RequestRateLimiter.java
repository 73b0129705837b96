package org.peershelf.protocol.node;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;
import org.peershelf.protocol.config.RequestLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token bucket per link, checked before an event is decoded or queued, so a flooding peer costs
 * us a map look-up per event and cannot grow the link's inbox. A run of refusals on a link is logged, at most once
 * a minute per link (an honest peer that backs off and tries again starts a new run each time); a link that keeps
 * flooding is dropped.
 */
public final class RequestRateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestRateLimiter.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private static final class State {
        final TokenBucket bucket;
        int refusedInARow;
        boolean warned;
        long warnedAt;

        State(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }

    private final RequestLimits limits;
    private final LongSupplier nanos;
    private final Map<PeerLink, State> states = new WeakHashMap<>();

    public RequestRateLimiter(RequestLimits limits) {
        this(limits, System::nanoTime);
    }

    RequestRateLimiter(RequestLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    /** True if the link may send one more event now; false (and maybe drops the link) if it is over its rate. */
    public boolean admit(PeerLink link) {
        int refused;
        boolean warn = false;
        synchronized (states) {
            State state = states.computeIfAbsent(link, l -> new State(new TokenBucket(limits.perSecond(), limits.burst(), nanos)));
            if (state.bucket.tryTake()) {
                state.refusedInARow = 0;
                return true;
            }
            refused = ++state.refusedInARow;
            long now = nanos.getAsLong();
            if (refused == 1 && (!state.warned || now - state.warnedAt >= WARN_EVERY_NANOS)) {
                state.warned = true;
                state.warnedAt = now;
                warn = true;
            }
        }
        if (warn) {
            LOG.warn("{} sends more than {} events/s; answering rate-limited", link, limits.perSecond());
        }
        if (refused == limits.dropAfterRefusals()) {
            LOG.warn("{} kept flooding ({} events refused in a row); dropping the link", link, refused);
            link.close("flooding");
        }
        return false;
    }
}
