package org.peershelf.protocol.resource.transfer;

/** Payloads of the chunk transfer events (docs/PROTOCOL.md, "Resources"). */
public final class TransferMessages {
    private TransferMessages() {
    }

    /**
     * Downloader → holder: "send me chunk {@code chunk} of file {@code file}". {@code length} is the byte count the
     * downloader expects from its manifest; the holder refuses a request whose length does not match its own.
     */
    public record ChunkRequest(String resourceId, int file, int chunk, long length) {
    }

    /** The holder's acknowledgement, sent after the downloader acknowledged the chunk's bytes. */
    public record ChunkSent(int length) {
    }

    /** Holder → downloader, with the chunk's bytes as a binary attachment. */
    public record ChunkData(String resourceId, int file, int chunk) {
    }
}
