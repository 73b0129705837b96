package org.peershelf.protocol.resource.repository;

import org.peershelf.protocol.PeerShelfException;

/** The local repository could not do what was asked (disk full, a file vanished, a staged file has the wrong size…). */
public class RepositoryException extends PeerShelfException {
    public RepositoryException(String userMessage) {
        super(userMessage);
    }

    public RepositoryException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
