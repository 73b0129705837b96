package org.peershelf.protocol.resource.transfer;

/** Where a download stands. */
public enum DownloadState {
    /** Fetching chunks. */
    RUNNING,
    /** Paused by the user; resumes where it stopped. */
    PAUSED,
    /** No holder can serve right now (none online, all dropped); retries on its own. */
    WAITING,
    /** Done: the resource is in the local repository and this device is a holder. */
    COMPLETED,
    /** Stopped by an error a retry will not fix (e.g. the disk is full); the message says which. */
    FAILED,
    /** Cancelled by the user; its partial files are gone. */
    CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
