package org.peershelf.protocol.node;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peershelf.protocol.identity.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current link to each peer. Two peers that dial each other at once end with one link: of two
 * links between the same pair, the one dialled by the smaller device id stays, on both sides, so
 * both converge without talking about it. Beyond the bound, the least recently used link closes.
 */
public final class LinkTable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkTable.class);

    private final Map<DeviceId, PeerLink> links = new HashMap<>();
    private final int maxLinks;

    public LinkTable(int maxLinks) {
        this.maxLinks = maxLinks;
    }

    /**
     * The outcome of admitting a freshly authenticated link: links to close because they duplicate
     * another to the same peer, and the idle link evicted to stay within the bound, if any.
     */
    public record Admission(boolean admitted, List<PeerLink> toClose, Optional<PeerLink> evicted) {
    }

    public synchronized Admission admit(PeerLink candidate) {
        PeerLink existing = links.get(candidate.remote());
        if (existing != null && existing.isOpen() && !prefer(candidate, existing)) {
            return new Admission(false, List.of(candidate), Optional.empty());
        }
        links.put(candidate.remote(), candidate);
        List<PeerLink> toClose = new java.util.ArrayList<>();
        if (existing != null && existing.isOpen()) {
            toClose.add(existing);
        }
        Optional<PeerLink> evicted = Optional.empty();
        if (links.size() > maxLinks) {
            evicted = leastRecentlyUsed(candidate);
            evicted.ifPresent(lru -> {
                links.remove(lru.remote());
                LOG.debug("Link bound {} reached; closing the least recently used {}", maxLinks, lru);
            });
        }
        return new Admission(true, toClose, evicted);
    }

    /** A link whose peer is the same as an open one: the smaller dialler's wins; the same dialler's newer one wins. */
    static boolean prefer(PeerLink candidate, PeerLink existing) {
        int byDialler = candidate.dialler().compareTo(existing.dialler());
        return byDialler <= 0;
    }

    /** Removes the link if it is still the current one; returns true if it was. */
    public synchronized boolean removeIfCurrent(PeerLink link) {
        return links.remove(link.remote(), link);
    }

    public synchronized Optional<PeerLink> get(DeviceId peer) {
        PeerLink link = links.get(peer);
        return link != null && link.isOpen() ? Optional.of(link) : Optional.empty();
    }

    public synchronized List<PeerLink> all() {
        return links.values().stream().filter(PeerLink::isOpen).toList();
    }

    public synchronized int size() {
        return links.size();
    }

    public synchronized boolean hasRoom() {
        return links.size() < maxLinks;
    }

    private Optional<PeerLink> leastRecentlyUsed(PeerLink keep) {
        return links.values().stream().filter(l -> l != keep)
                .max(Comparator.comparingLong(PeerLink::idleNanos));
    }
}
