package org.peershelf.protocol.node;

import java.util.List;
import java.util.Optional;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.LinkMessages.Bye;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where both sides of the transport hand over links: authenticated ones come in, closed ones go out,
 * and the node's listeners hear LinkUp / LinkDown only for changes of the current link to a peer
 * (a superseded duplicate closing is not a loss).
 */
public final class Links {
    private static final Logger LOG = LoggerFactory.getLogger(Links.class);
    static final String IDLE_REASON = "link bound reached: closing the least recently used link";

    private final LinkTable table;
    private final EventPublisher<NodeEvent> events;
    private volatile boolean closed;

    public Links(LinkTable table, EventPublisher<NodeEvent> events) {
        this.table = table;
        this.events = events;
    }

    /**
     * Returns true if the link became the current one for its peer. A link that was not admitted is
     * left to the caller to close, so it can first tell the other side why.
     */
    boolean onAuthenticated(PeerLink link) {
        if (closed) {
            return false; // a dial that finished after the node closed (its threads may live on, shared): not admitted
        }
        LinkTable.Admission admission = table.admit(link);
        for (PeerLink loser : admission.toClose()) {
            if (loser != link) {
                loser.supersede();
            }
        }
        admission.evicted().ifPresent(Links::evict);
        if (admission.admitted()) {
            LOG.info("Linked to {} ({}, {})", link.remote().shortForm(), link.outbound() ? "dialled" : "accepted",
                    link.remoteAddress());
            events.publish(new NodeEvent.LinkUp(link.remote(), link.outbound()));
        }
        return admission.admitted();
    }

    /**
     * Closes a link the bound has no room for. The peer is told with a goodbye first, so it neither
     * redials at once (which would evict another link, and so on) nor votes; either side can still
     * open the link again on demand.
     */
    private static void evict(PeerLink link) {
        link.request(Events.BYE, new Bye(IDLE_REASON)).whenComplete((ack, error) -> link.supersede());
    }

    void onClosed(PeerLink link, String reason) {
        link.markClosed();
        if (table.removeIfCurrent(link) && !link.isSuperseded()) {
            LOG.info("Link to {} closed: {}", link.remote().shortForm(), link.remoteLeft() ? "peer left" : reason);
            events.publish(new NodeEvent.LinkDown(link.remote(), reason, link.remoteLeft()));
        }
    }

    public Optional<PeerLink> get(DeviceId peer) {
        return table.get(peer);
    }

    public List<PeerLink> all() {
        return table.all();
    }

    public boolean hasRoom() {
        return table.hasRoom();
    }

    /** Closes every link; links authenticated from now on are refused (the node is closing). */
    public void closeAll(String reason) {
        closed = true;
        for (PeerLink link : table.all()) {
            link.close(reason);
        }
    }
}
