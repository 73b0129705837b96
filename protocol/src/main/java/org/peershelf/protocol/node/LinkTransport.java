package org.peershelf.protocol.node;

import java.util.function.Consumer;

/**
 * The Socket.IO side of one link: the server's view of a connected client, or our client socket to
 * another peer's server. Both carry the same events in both directions.
 */
public interface LinkTransport {
    /** Sends one event with a JSON payload; {@code onReply} receives the acknowledgement's JSON. */
    void emit(String event, String payload, Consumer<String> onReply);

    /**
     * Sends one event whose payload is a JSON header plus raw bytes (a binary attachment, on
     * {@link org.peershelf.protocol.wire.Events#BINARY_CHANNEL}); the declared length lets the receiver
     * tell the bytes from a stray framing byte (see {@link BinaryFrames}).
     */
    void emitBinary(String event, String header, byte[] data, Consumer<String> onReply);

    void disconnect();

    String remoteAddress();
}
