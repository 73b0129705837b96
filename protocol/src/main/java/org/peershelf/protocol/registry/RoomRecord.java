package org.peershelf.protocol.registry;

import java.util.List;
import java.util.Objects;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;

/**
 * A chat room as the registry knows it, so members find the current host after a restart.
 *
 * @param originalHost the creator's device; its user alone may delete the room
 * @param currentHost  the device that orders the room's messages now
 * @param epoch        raised by one at every change of host; a claim is a compare-and-set on it
 * @param members      member devices, the hosts included
 */
public record RoomRecord(String roomId, String name, DeviceId originalHost, UserId originalUser, DeviceId currentHost,
                         long epoch, List<DeviceId> members, boolean deleted, long createdAt) {
    public RoomRecord {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(originalHost, "originalHost");
        Objects.requireNonNull(originalUser, "originalUser");
        Objects.requireNonNull(currentHost, "currentHost");
        members = List.copyOf(members);
    }
}
