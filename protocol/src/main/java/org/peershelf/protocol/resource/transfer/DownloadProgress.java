package org.peershelf.protocol.resource.transfer;

import java.util.List;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.resource.ResourceId;

/**
 * One progress report of a download, published a few times a second while it runs and on every change of state.
 *
 * @param bytesPerSecond  rate over the last few seconds
 * @param etaSeconds      estimated seconds to go at that rate; -1 when unknown
 * @param holders         holders the download is fetching from now
 * @param fetchedChunks   chunks received over the network in this run (verified or not), for the curious and tests
 * @param message         for people: why it waits or failed; empty otherwise
 */
public record DownloadProgress(ResourceId id, String title, DownloadState state, long verifiedBytes, long totalBytes,
                               double bytesPerSecond, long etaSeconds, List<DeviceId> holders, long fetchedChunks,
                               String message) {
    public DownloadProgress {
        holders = List.copyOf(holders);
    }

    public int percent() {
        return totalBytes == 0 ? 100 : (int) (verifiedBytes * 100 / totalBytes);
    }
}
