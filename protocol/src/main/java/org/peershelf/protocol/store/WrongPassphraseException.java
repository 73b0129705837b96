package org.peershelf.protocol.store;

import java.nio.file.Path;

/** The passphrase does not unlock the key file: the stored key-check value did not authenticate. */
public class WrongPassphraseException extends StorageException {
    public WrongPassphraseException(Path keyFile) {
        super("The passphrase is wrong for " + keyFile + ". Type it again; nothing was changed.");
    }
}
