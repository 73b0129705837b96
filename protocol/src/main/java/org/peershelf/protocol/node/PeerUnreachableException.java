package org.peershelf.protocol.node;

import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceId;

/** A peer could not be dialled or its link is gone. */
public class PeerUnreachableException extends PeerShelfException {
    private final transient DeviceId peer;

    public PeerUnreachableException(DeviceId peer, String why) {
        super("Peer " + peer.shortForm() + " cannot be reached: " + why + ".");
        this.peer = peer;
    }

    public PeerUnreachableException(DeviceId peer, String why, Throwable cause) {
        super("Peer " + peer.shortForm() + " cannot be reached: " + why + ".", cause);
        this.peer = peer;
    }

    public DeviceId peer() {
        return peer;
    }
}
