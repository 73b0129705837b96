package org.peershelf.protocol.registry;

import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserKey;

/**
 * A device as published in the registry's {@code devices} collection; keys are X.509 DER in base64.
 *
 * @param userKeyBase64 the public key of the owner's user key, from which {@code owner} is derived; null
 *                      on records of older versions
 * @param endorsement   the user key's signature over (owner, device id) ({@link UserKey#endorse}); null
 *                      on records of older versions, which readers that require signatures ignore
 */
public record DeviceRecord(DeviceId deviceId, UserId owner, String publicKeyBase64, String name,
                           long registeredAtMillis, String userKeyBase64, String endorsement) {
    /** A record without endorsement (older versions, tools, tests with made-up users). */
    public DeviceRecord(DeviceId deviceId, UserId owner, String publicKeyBase64, String name, long registeredAtMillis) {
        this(deviceId, owner, publicKeyBase64, name, registeredAtMillis, null, null);
    }

    /** The record of {@code deviceId} endorsed by its user's key. */
    public static DeviceRecord endorsed(UserKey user, DeviceId deviceId, String publicKeyBase64, String name,
                                        long registeredAtMillis) {
        return new DeviceRecord(deviceId, user.userId(), publicKeyBase64, name, registeredAtMillis,
                user.publicKeyBase64(), user.endorse(deviceId));
    }

    /** Whether the endorsement is present and verifies against the user key and the owner's id. */
    public boolean endorsementVerifies() {
        return UserKey.verifyEndorsement(owner, userKeyBase64, deviceId, endorsement);
    }
}
