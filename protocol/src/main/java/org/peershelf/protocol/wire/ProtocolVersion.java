package org.peershelf.protocol.wire;

/** The peer protocol version. Peers agree on it in the handshake; a change that old peers misread bumps it. */
public final class ProtocolVersion {
    public static final int CURRENT = 1;
    public static final int OLDEST_SUPPORTED = 1;

    private ProtocolVersion() {
    }

    public static boolean isSupported(int version) {
        return version >= OLDEST_SUPPORTED && version <= CURRENT;
    }
}
