package org.peershelf.protocol.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.peershelf.protocol.PeerShelfException;

/**
 * Local data could not be saved or read. The message names the file and, for the most common cause
 * (a full disk), says so plainly, because that is something the user can fix.
 */
public class StorageException extends PeerShelfException {
    public StorageException(String userMessage) {
        super(userMessage);
    }

    public StorageException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    /** Wraps a failed write, recognising a full disk (or exhausted quota) from the error or the free space left. */
    static StorageException writeFailed(Path file, long bytesNeeded, IOException cause) {
        if (looksLikeDiskFull(file, bytesNeeded, cause)) {
            return new StorageException("Not enough disk space to save data to " + file
                    + ". Free some disk space and try again.", cause);
        }
        return new StorageException("Could not save data to " + file + ": " + cause.getMessage(), cause);
    }

    private static boolean looksLikeDiskFull(Path file, long bytesNeeded, IOException cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            // Linux/macOS "No space left on device", "Disk quota exceeded"; Windows "There is not enough space on the disk"
            if (message.contains("no space left") || message.contains("not enough space")
                    || message.contains("quota") || message.contains("disk full")) {
                return true;
            }
        }
        try {
            Path existing = Files.exists(file) ? file : file.toAbsolutePath().getParent();
            return Files.getFileStore(existing).getUsableSpace() < bytesNeeded;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
