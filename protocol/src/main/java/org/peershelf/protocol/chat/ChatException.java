package org.peershelf.protocol.chat;

import org.peershelf.protocol.PeerShelfException;

/** A chat request this device refuses (unknown room, too long a message, not allowed); the message says why. */
public class ChatException extends PeerShelfException {
    public ChatException(String userMessage) {
        super(userMessage);
    }
}
