package org.peershelf.protocol.resource;

import org.peershelf.protocol.PeerShelfException;

/** Metadata a resource cannot have (no title, an absurd year, a field too long…). */
public class InvalidMetadataException extends PeerShelfException {
    public InvalidMetadataException(String userMessage) {
        super(userMessage);
    }
}
