package org.peershelf.protocol.resource;

import org.peershelf.protocol.PeerShelfException;

/** A manifest that cannot describe a real package: bad chunk size, chunk hashes that do not fit the size, a bad hash. */
public class InvalidManifestException extends PeerShelfException {
    public InvalidManifestException(String userMessage) {
        super(userMessage);
    }
}
