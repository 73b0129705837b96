package org.peershelf.protocol.node;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.peershelf.protocol.identity.DeviceId;

/**
 * What each side of a handshake signs. The listener signs the dialler's challenge and both ids; the
 * dialler signs the listener's challenge and both ids in its own order. Distinct role prefixes stop a
 * signature made in one role from being replayed in the other.
 */
public final class HandshakeTranscript {
    private static final String PREFIX = "peershelf/handshake/v1|";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HandshakeTranscript() {
    }

    public static String newNonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Signed by the listener over the dialler's nonce. */
    public static byte[] listenerStatement(String diallerNonce, DeviceId listener, DeviceId dialler) {
        return (PREFIX + "listener|" + diallerNonce + "|" + listener + "|" + dialler).getBytes(StandardCharsets.UTF_8);
    }

    /** Signed by the dialler over the listener's nonce. */
    public static byte[] diallerStatement(String listenerNonce, DeviceId dialler, DeviceId listener) {
        return (PREFIX + "dialler|" + listenerNonce + "|" + dialler + "|" + listener).getBytes(StandardCharsets.UTF_8);
    }
}
