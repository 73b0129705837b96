package org.peershelf.app.desktop.onboarding;

import org.peershelf.protocol.PeerShelfException;

/** The chosen repository folder cannot be created or written to; the message says which and what to do. */
public final class RepositoryFolderException extends PeerShelfException {
    public RepositoryFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
