package org.peershelf.protocol.node;

import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceId;

/**
 * A peer could not be dialled or its link is gone. {@link #refused()} is true when nothing listens at
 * its address any more (connection refused): a sure sign it is gone, unlike a timeout, which a busy
 * peer or network can cause too.
 */
public class PeerUnreachableException extends PeerShelfException {
    private final transient DeviceId peer;
    private final boolean refused;

    public PeerUnreachableException(DeviceId peer, String why) {
        this(peer, why, false, null);
    }

    public PeerUnreachableException(DeviceId peer, String why, Throwable cause) {
        this(peer, why, false, cause);
    }

    public PeerUnreachableException(DeviceId peer, String why, boolean refused, Throwable cause) {
        super("Peer " + peer.shortForm() + " cannot be reached: " + why + ".", cause);
        this.peer = peer;
        this.refused = refused;
    }

    public DeviceId peer() {
        return peer;
    }

    public boolean refused() {
        return refused;
    }
}
