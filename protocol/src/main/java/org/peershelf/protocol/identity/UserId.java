package org.peershelf.protocol.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * A user's id, shared by all of that user's devices. Bound ids are derived from the user's key
 * ({@link #fromUserKey}: {@code u} and the first 20 bytes of the SHA-256 of the public key, in hex), so
 * a reader can check an endorsement against the id itself. Older profiles had random UUIDs; they are
 * rebound to a key when loaded ({@link IdentityStore#loadProfile}).
 */
public record UserId(String value) {
    private static final String KEY_PREFIX = "u";

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("not a user id");
        }
    }

    /** The id of the user whose key this is (X.509 DER of the Ed25519 public key). */
    public static UserId fromUserKey(byte[] encodedPublicKey) {
        return new UserId(KEY_PREFIX + DeviceId.fromPublicKey(encodedPublicKey).value());
    }

    /** A random id, not bound to any key: for tests and tools only; readers that require signatures ignore it. */
    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
