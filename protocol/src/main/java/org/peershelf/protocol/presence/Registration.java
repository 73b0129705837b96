package org.peershelf.protocol.presence;

import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.UserRecord;

/** The user and device records this device publishes once the registry answers (idempotent upserts). */
public record Registration(UserRecord user, DeviceRecord device) {
}
