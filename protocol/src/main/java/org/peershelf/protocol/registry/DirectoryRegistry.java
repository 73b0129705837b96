package org.peershelf.protocol.registry;

import java.util.List;
import java.util.Optional;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;

/** Users and their devices. Every method may throw {@link RegistryUnavailableException}. */
public interface DirectoryRegistry {
    /** Inserts or replaces the user record (idempotent). */
    void publishUser(UserRecord user);

    /** Inserts or replaces the device record (idempotent). */
    void publishDevice(DeviceRecord device);

    Optional<UserRecord> findUser(UserId userId);

    Optional<DeviceRecord> findDevice(DeviceId deviceId);

    List<UserRecord> findUsers(List<UserId> userIds);
}
