package org.peershelf.protocol.wire;

/** Payloads of the link handshake (see docs/PROTOCOL.md, "Handshake"). */
public final class HandshakeMessages {
    private HandshakeMessages() {
    }

    /** Dialer → listener: who I am, which version I speak, and a fresh challenge for you to sign. */
    public record Hello(int version, String deviceId, String publicKey, String nonce) {
    }

    /** Listener → dialer (ack of Hello): who I am, my signature over your challenge, my challenge for you. */
    public record HelloReply(int version, String deviceId, String publicKey, String nonce, String signature) {
    }

    /** Dialer → listener: my signature over your challenge. */
    public record Prove(String signature) {
    }
}
