package org.peershelf.protocol.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device keys that write through one registry client, so its mappers can sign what each device
 * publishes (usually one device per process; tests run several peers on one client). It also
 * remembers which local device speaks for which user, to sign user records.
 */
public final class KeyRing {
    private final Map<DeviceId, DeviceIdentity> devices = new ConcurrentHashMap<>();
    private final Map<UserId, DeviceId> userDevices = new ConcurrentHashMap<>();

    public void add(DeviceIdentity identity) {
        devices.put(identity.deviceId(), identity);
    }

    public Optional<DeviceIdentity> find(DeviceId device) {
        return Optional.ofNullable(devices.get(device));
    }

    /** Records that a local device belongs to {@code user} (learnt when the device record is published). */
    public void noteOwner(DeviceId device, UserId user) {
        if (devices.containsKey(device)) {
            userDevices.put(user, device);
        }
    }

    /** A local device of {@code user}, to sign its user record. */
    public Optional<DeviceIdentity> deviceOf(UserId user) {
        return Optional.ofNullable(userDevices.get(user)).map(devices::get);
    }
}
