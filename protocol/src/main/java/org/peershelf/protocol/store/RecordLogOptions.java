package org.peershelf.protocol.store;

/**
 * How a {@link RecordLog} trades safety for speed.
 *
 * @param forceOnAppend   fsync after every append (default true). Chat messages are acknowledged to the sender and
 *                        outbox operations are reported as queued only once {@code append} returns, so the record
 *                        must be on disk by then; a crash otherwise loses data the other side believes is safe.
 *                        Turn it off only for bulk writes that end with {@link RecordLog#sync()}.
 * @param maxRecordBytes  largest payload accepted (default 16 MiB). A length field above it is treated as damage,
 *                        so a corrupt length can never make the reader allocate gigabytes.
 */
public record RecordLogOptions(boolean forceOnAppend, int maxRecordBytes) {
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
    public static final RecordLogOptions DEFAULTS = new RecordLogOptions(true, DEFAULT_MAX_RECORD_BYTES);

    public RecordLogOptions {
        if (maxRecordBytes <= 0 || maxRecordBytes > Integer.MAX_VALUE - RecordFrame.HEADER_BYTES) {
            throw new IllegalArgumentException("maxRecordBytes out of range: " + maxRecordBytes);
        }
    }

    public RecordLogOptions withForceOnAppend(boolean force) {
        return new RecordLogOptions(force, maxRecordBytes);
    }

    public RecordLogOptions withMaxRecordBytes(int max) {
        return new RecordLogOptions(forceOnAppend, max);
    }
}
