package org.peershelf.registry.embedded;

import org.peershelf.protocol.PeerShelfException;

/** The embedded registry could not start (address not usable, file locked or damaged). */
public class EmbeddedRegistryException extends PeerShelfException {
    public EmbeddedRegistryException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
