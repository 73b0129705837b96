package org.peershelf.protocol.node;

import java.util.Base64;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.ProtocolVersion;

/** Checks what the other side of a handshake claims: a supported version, an id that matches its key, a valid signature. */
final class PeerCredentials {
    private PeerCredentials() {
    }

    static DeviceId checkIdentity(int version, String deviceId, String publicKeyBase64) {
        if (!ProtocolVersion.isSupported(version)) {
            throw new ProtocolException(ErrorCodes.VERSION_UNSUPPORTED, "Protocol version " + version
                    + " is not supported (this peer speaks " + ProtocolVersion.OLDEST_SUPPORTED + " to "
                    + ProtocolVersion.CURRENT + ").");
        }
        if (!DeviceId.isValid(deviceId) || publicKeyBase64 == null) {
            throw new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, "The handshake is missing a device id or key.");
        }
        DeviceId claimed = DeviceId.of(deviceId);
        if (!claimed.equals(DeviceId.fromPublicKey(decode(publicKeyBase64)))) {
            throw new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, "The device id does not belong to the key presented.");
        }
        return claimed;
    }

    static void checkSignature(String publicKeyBase64, byte[] statement, String signatureBase64) {
        if (signatureBase64 == null
                || !DeviceIdentity.verify(decode(publicKeyBase64), statement, decode(signatureBase64))) {
            throw new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, "The handshake signature is not valid.");
        }
    }

    static String sign(DeviceIdentity identity, byte[] statement) {
        return Base64.getEncoder().encodeToString(identity.sign(statement));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCodes.HANDSHAKE_FAILED, "The handshake carries malformed base64.");
        }
    }
}
