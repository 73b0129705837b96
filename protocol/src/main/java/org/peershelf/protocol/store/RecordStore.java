package org.peershelf.protocol.store;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * An append-only sequence of byte records that survives crashes: what {@link DurableQueue} and the chat log
 * build on. Implemented in plain ({@link RecordLog}) and encrypted ({@link EncryptedRecordLog}) form.
 * Failures to write are {@link StorageException}s.
 */
public interface RecordStore extends Closeable {
    /** Appends one record; returns its index (0, 1, 2, …). Durable on return when the store forces on append. */
    long append(byte[] payload);

    /**
     * Appends these records in order. The plain log writes them with one system call, which is what a group commit
     * wants; if it fails, none of them counts (they may be partly in the file, and are overwritten by the next append).
     */
    default void appendAll(List<byte[]> payloads) {
        payloads.forEach(this::append);
    }

    /** Visits every record in order with its index; records appended during the visit are not included. */
    void forEach(ObjLongConsumer<byte[]> visitor);

    List<byte[]> readAll();

    /** The file the records live in (also where evidence of damage is saved beside it). */
    Path file();

    /** Number of records. */
    long count();

    /** Forces records appended so far to disk (only needed when forcing on append is off). */
    void sync();

    /** Atomically replaces the whole content with these records: after a crash either the old or the new set. */
    void rewrite(List<byte[]> payloads);

    @Override
    void close();
}
