package org.peershelf.protocol.registry;

import org.peershelf.protocol.PeerShelfException;

/** The registry could not be reached or did not answer in time. Callers retry later or queue the work. */
public class RegistryUnavailableException extends PeerShelfException {
    public RegistryUnavailableException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
