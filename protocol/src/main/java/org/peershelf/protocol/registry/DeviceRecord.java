package org.peershelf.protocol.registry;

import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;

/** A device as published in the registry's {@code devices} collection; the public key is X.509 DER in base64. */
public record DeviceRecord(DeviceId deviceId, UserId owner, String publicKeyBase64, String name,
                           long registeredAtMillis) {
}
