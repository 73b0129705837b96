package org.peershelf.protocol.presence;

import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the registry answered last time. Logs and publishes only changes, so a registry that stays
 * down for an hour is one warning, not thousands, and the status bar flips once each way.
 */
public final class RegistryHealth {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHealth.class);
    private final EventPublisher<NodeEvent> events;
    private Boolean reachable;

    public RegistryHealth(EventPublisher<NodeEvent> events) {
        this.events = events;
    }

    public synchronized void succeeded(String description) {
        if (!Boolean.TRUE.equals(reachable)) {
            if (reachable != null) {
                LOG.info("The registry is reachable again");
            }
            reachable = true;
            events.publish(new NodeEvent.RegistryStateChanged(true, "Connected to " + description));
        }
    }

    public synchronized void failed(RegistryUnavailableException e) {
        if (!Boolean.FALSE.equals(reachable)) {
            LOG.warn("{} Keeping existing peer links and retrying.", e.getMessage());
            reachable = false;
            events.publish(new NodeEvent.RegistryStateChanged(false, e.getMessage()));
        }
    }

    public synchronized boolean isReachable() {
        return Boolean.TRUE.equals(reachable);
    }
}
