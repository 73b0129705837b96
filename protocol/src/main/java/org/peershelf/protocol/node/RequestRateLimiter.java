package org.peershelf.protocol.node;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;
import org.peershelf.protocol.config.RequestLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token bucket per link, checked before an event is decoded or queued, so a flooding peer costs
 * us a map look-up per event and cannot grow the link's inbox. The first refusal on a link is logged;
 * a link that keeps flooding is dropped.
 */
public final class RequestRateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestRateLimiter.class);

    private static final class State {
        final TokenBucket bucket;
        int refusedInARow;

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
        synchronized (states) {
            State state = states.computeIfAbsent(link, l -> new State(new TokenBucket(limits.perSecond(), limits.burst(), nanos)));
            if (state.bucket.tryTake()) {
                state.refusedInARow = 0;
                return true;
            }
            refused = ++state.refusedInARow;
        }
        if (refused == 1) {
            LOG.warn("{} sends more than {} events/s; answering rate-limited", link, limits.perSecond());
        }
        if (refused == limits.dropAfterRefusals()) {
            LOG.warn("{} kept flooding ({} events refused in a row); dropping the link", link, refused);
            link.close("flooding");
        }
        return false;
    }
}
