package org.peershelf.protocol;

/**
 * Base of every typed PeerShelf error. The message is meant for a person: it says what went wrong
 * and, where possible, what to do about it, without stack-trace jargon.
 */
public class PeerShelfException extends RuntimeException {
    public PeerShelfException(String userMessage) {
        super(userMessage);
    }

    public PeerShelfException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
