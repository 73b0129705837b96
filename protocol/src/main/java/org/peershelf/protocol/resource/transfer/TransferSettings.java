package org.peershelf.protocol.resource.transfer;

/**
 * Tuning of uploads and downloads.
 *
 * @param maxConcurrentUploads  chunks this peer serves at once (to all peers together); more are answered "busy"
 * @param uploadBytesPerSecond  upload rate limit over all uploads; 0 means no limit
 * @param inFlightPerHolder     chunk requests a download keeps open at one holder
 * @param maxHolders            holders one download uses at once
 */
public record TransferSettings(int maxConcurrentUploads, long uploadBytesPerSecond, int inFlightPerHolder, int maxHolders) {
    public TransferSettings {
        if (maxConcurrentUploads < 1 || inFlightPerHolder < 1 || maxHolders < 1) {
            throw new IllegalArgumentException("Upload and download parallelism must be at least 1.");
        }
        if (uploadBytesPerSecond < 0) {
            throw new IllegalArgumentException("The upload rate limit cannot be negative.");
        }
    }

    public static TransferSettings defaults() {
        return new TransferSettings(16, 0, 4, 8);
    }

    public TransferSettings withUploadRate(long bytesPerSecond) {
        return new TransferSettings(maxConcurrentUploads, bytesPerSecond, inFlightPerHolder, maxHolders);
    }
}
