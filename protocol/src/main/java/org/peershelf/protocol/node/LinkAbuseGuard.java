package org.peershelf.protocol.node;

import java.util.Map;
import java.util.WeakHashMap;
import org.peershelf.protocol.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts bad events (malformed, unknown, oversized) per link. The first is logged; a link that keeps
 * sending them is dropped, so a broken or hostile peer cannot fill the log or keep us busy.
 */
public final class LinkAbuseGuard {
    private static final Logger LOG = LoggerFactory.getLogger(LinkAbuseGuard.class);
    private final int maxBadEvents;
    private final Map<PeerLink, Integer> badEvents = new WeakHashMap<>();

    public LinkAbuseGuard(int maxBadEvents) {
        this.maxBadEvents = maxBadEvents;
    }

    public void recordBadEvent(PeerLink link, ProtocolException e) {
        int count;
        synchronized (badEvents) {
            count = badEvents.merge(link, 1, Integer::sum);
        }
        if (count == 1) {
            LOG.warn("{} sent a bad event ({}): {}", link, e.code(), e.getMessage());
        }
        if (count == maxBadEvents) {
            LOG.warn("{} sent {} bad events; dropping the link", link, count);
            link.close("too many bad events");
        }
    }
}
