package org.peershelf.app.desktop.notify;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception into a sentence a person understands. Our own exceptions already carry one; the
 * JDK's are translated; anything unexpected is logged here once, with its stack trace, and described
 * without jargon.
 */
public final class ErrorMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMessages.class);

    private ErrorMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof RegistryUnavailableException) {
            return e.getMessage() + " PeerShelf keeps trying; links to peers stay up.";
        }
        if (e instanceof PeerShelfException && e.getMessage() != null) {
            return e.getMessage();
        }
        if (e instanceof AccessDeniedException denied) {
            return "PeerShelf is not allowed to write to " + denied.getFile() + ". Choose another folder or change its permissions.";
        }
        if (e instanceof NoSuchFileException missing) {
            return "The file or folder " + missing.getFile() + " does not exist.";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null
                && fs.getReason().toLowerCase(java.util.Locale.ROOT).contains("space")) {
            return "The disk is full (" + fs.getFile() + "). Free some space and try again.";
        }
        if (e instanceof IOException io) {
            return "A file could not be read or written: " + io.getMessage();
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return e.getMessage();
        }
        LOG.error("Unexpected error shown to the user", e);
        return "Something unexpected went wrong (" + e.getClass().getSimpleName()
                + "). The details are in the log file; please report them.";
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
