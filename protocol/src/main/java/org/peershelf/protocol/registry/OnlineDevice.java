package org.peershelf.protocol.registry;

import java.util.Set;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;

/**
 * One entry of the online list: where the device listens, which session (epoch) this is, when it last
 * said it was alive, and which devices have voted that they cannot reach it in this session.
 */
public record OnlineDevice(DeviceId deviceId, UserId userId, String host, int port, long epoch,
                           long lastHeartbeatMillis, Set<DeviceId> voters) {
    public OnlineDevice {
        voters = Set.copyOf(voters);
    }

    public OnlineDevice withVoters(Set<DeviceId> newVoters) {
        return new OnlineDevice(deviceId, userId, host, port, epoch, lastHeartbeatMillis, newVoters);
    }
}
