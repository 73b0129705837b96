package org.peershelf.protocol.resource.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a download tells the user about the disk: too little space before it starts, a full disk while it writes. */
final class DiskSpace {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpace.class);

    private DiskSpace() {
    }

    /**
     * Why {@code folder} cannot take {@code neededBytes} more, if it cannot; a probe that cannot tell lets
     * the download go on (it still fails clearly if the disk fills up).
     */
    static Optional<String> shortage(SpaceProbe probe, Path folder, long neededBytes) {
        long usable;
        try {
            usable = probe.usableBytes(folder);
        } catch (IOException e) {
            LOG.warn("Cannot tell the free space in {}: {}", folder, e.getMessage());
            return Optional.empty();
        }
        return usable >= neededBytes ? Optional.empty()
                : Optional.of("Not enough disk space: the download needs " + megabytes(neededBytes) + " more and only "
                        + megabytes(usable) + " are free. Free some space and download again; verified chunks are kept.");
    }

    /** The user's words for a failed write: a full disk (or quota) said as such, anything else as it is. */
    static String writeFailure(IOException e) {
        String text = String.valueOf(e.getMessage());
        return text.contains("No space") || text.contains("not enough space") || text.contains("quota")
                ? "The disk is full: free some space and download again; verified chunks are kept."
                : "Cannot write the download: " + text;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", Math.max(bytes, 0) / 1e6);
    }
}
