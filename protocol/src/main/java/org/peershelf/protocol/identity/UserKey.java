package org.peershelf.protocol.identity;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * A user's own Ed25519 key, shared by the user's devices (copied, never published). The user id is
 * derived from its public key ({@link UserId#fromUserKey}), and it endorses each device of the user:
 * readers accept a device as the user's only with a valid endorsement, so nobody without the key can
 * add a device to someone else's user id and publish in that name.
 */
public final class UserKey {
    static final String ENDORSEMENT = "endorsement";

    private final DeviceIdentity keys; // the same Ed25519 machinery as a device key
    private final UserId userId;

    public UserKey(KeyPair keyPair) {
        this.keys = new DeviceIdentity(keyPair);
        this.userId = UserId.fromUserKey(keys.publicKey());
    }

    public static UserKey generate() {
        return new UserKey(DeviceIdentity.generate().keyPair());
    }

    public UserId userId() {
        return userId;
    }

    public KeyPair keyPair() {
        return keys.keyPair();
    }

    public String publicKeyBase64() {
        return keys.publicKeyBase64();
    }

    /** The endorsement of {@code device} as a device of this user: a signature over (user id, device id). */
    public String endorse(DeviceId device) {
        return RecordSigner.sign(keys, ENDORSEMENT, endorsementFields(userId, device));
    }

    /**
     * True only if {@code userKeyBase64} is the key {@code user} is derived from and {@code signature}
     * is its endorsement of {@code device}.
     */
    public static boolean verifyEndorsement(UserId user, String userKeyBase64, DeviceId device, String signature) {
        if (user == null || userKeyBase64 == null || device == null || signature == null) {
            return false;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(userKeyBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return UserId.fromUserKey(key).equals(user) && RecordSigner.verify(DeviceId.fromPublicKey(key), userKeyBase64,
                ENDORSEMENT, endorsementFields(user, device), signature);
    }

    private static Map<String, Object> endorsementFields(UserId user, DeviceId device) {
        return Map.of("userId", user.value(), "deviceId", device.value());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserKey other && Arrays.equals(keys.publicKey(), other.keys.publicKey());
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    /** Never the private key: profiles holding a user key end up in logs. */
    @Override
    public String toString() {
        return "UserKey[" + userId + "]";
    }
}
