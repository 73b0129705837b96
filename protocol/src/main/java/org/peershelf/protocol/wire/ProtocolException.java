package org.peershelf.protocol.wire;

import org.peershelf.protocol.PeerShelfException;

/**
 * A peer sent something this protocol does not accept, or answered with an error. The code is
 * stable and machine-readable (see docs/PROTOCOL.md); the message is for people.
 */
public class ProtocolException extends PeerShelfException {
    private final String code;

    public ProtocolException(String code, String userMessage) {
        super(userMessage);
        this.code = code;
    }

    public ProtocolException(String code, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
