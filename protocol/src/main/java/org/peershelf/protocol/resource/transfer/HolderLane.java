package org.peershelf.protocol.resource.transfer;

import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.PeerLink;

/** One holder a download fetches from: its link, the chunks open there, and its measured rate. */
final class HolderLane {
    final DeviceId holder;
    PeerLink link;
    int inFlight;
    int transportFailures;
    boolean relinking;
    long notBeforeNanos;
    long bytes;
    private double bytesPerSecond;
    private long lastNanos = System.nanoTime();

    HolderLane(DeviceId holder) {
        this.holder = holder;
    }

    /** Folds a received chunk into the smoothed rate (EWMA over chunk arrivals). */
    void received(long chunkBytes) {
        long now = System.nanoTime();
        double seconds = Math.max((now - lastNanos) / 1e9, 1e-4);
        double sample = chunkBytes / seconds;
        bytesPerSecond = bytesPerSecond == 0 ? sample : bytesPerSecond * 0.8 + sample * 0.2;
        lastNanos = now;
        bytes += chunkBytes;
    }

    double rate() {
        return bytesPerSecond;
    }

    boolean ready(int window) {
        return link != null && link.isOpen() && inFlight < window && System.nanoTime() >= notBeforeNanos;
    }
}
