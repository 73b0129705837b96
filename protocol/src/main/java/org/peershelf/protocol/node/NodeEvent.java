package org.peershelf.protocol.node;

import java.util.List;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.OnlineDevice;

/** What a running node tells its listeners (the UI, the headless printer, tests). */
public sealed interface NodeEvent {
    record LinkUp(DeviceId peer, boolean outbound) implements NodeEvent {
    }

    /** {@code peerLeft} is true when the peer said goodbye: nobody needs to redial or vote. */
    record LinkDown(DeviceId peer, String reason, boolean peerLeft) implements NodeEvent {
    }

    record OnlineViewChanged(List<OnlineDevice> online) implements NodeEvent {
    }

    /** The registry became reachable or unreachable; {@code message} says why for the status bar. */
    record RegistryStateChanged(boolean reachable, String message) implements NodeEvent {
    }

    /** This device found itself voted out while alive and announced itself again under a new epoch. */
    record Reannounced(long newEpoch) implements NodeEvent {
    }
}
