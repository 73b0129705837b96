package org.peershelf.protocol.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of checksummed frames (see {@link RecordFrame}).
 *
 * <p>Recovery on open keeps the longest intact prefix and stops at the first bad frame: a later frame is never
 * used once one before it failed, so the log is always exactly a prefix of what was written (the queue relies on
 * that for a consistent state). A torn last frame, the normal result of a crash mid-append, is truncated away
 * with a warning. When the dropped bytes still hold a complete frame (damage in the middle, or a record that
 * fails the validator), the whole file is first copied to {@code <name>.damaged-<timestamp>}; if even that copy
 * cannot be made (full disk), nothing is truncated: the intact records stay readable and appends fail with a
 * {@link StorageException} until the copy succeeds.
 *
 * <p>Writes go through {@link RandomAccessFile} rather than a {@code FileChannel} because an interrupted thread
 * closes a channel for everyone; the channel is used only for the exclusive lock that keeps a second process away.
 * Every method is synchronized: appends are serialised, and a read sees a consistent set of records.
 */
public final class RecordLog implements RecordStore {
    private static final Logger LOG = LoggerFactory.getLogger(RecordLog.class);

    private final Path file;
    private final RecordLogOptions options;
    private final RecordValidator validator;
    private RandomAccessFile raf;
    private FileLock lock;
    private long end;
    private long count;
    /** Bytes past {@code end} must go before the next append (a failed append or a repair not yet done). */
    private boolean tailDirty;
    /** ...and they include intact data, so they must be copied aside before they go. */
    private boolean tailNeedsCopy;
    private boolean closed;

    private RecordLog(Path file, RecordLogOptions options, RecordValidator validator) {
        this.file = file;
        this.options = options;
        this.validator = validator;
    }

    public static RecordLog open(Path file) {
        return open(file, RecordLogOptions.DEFAULTS);
    }

    /** Opens (creating if needed) and recovers the log; damage is repaired, never thrown. */
    public static RecordLog open(Path file, RecordLogOptions options) {
        return open(file, options, null);
    }

    static RecordLog open(Path file, RecordLogOptions options, RecordValidator validator) {
        RecordLog log = new RecordLog(file, options, validator);
        log.openAndRecover();
        return log;
    }

    private void openAndRecover() {
        tailDirty = false;
        tailNeedsCopy = false;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean created = !Files.exists(file);
            raf = new RandomAccessFile(file.toFile(), "rw");
            lockExclusively();
            if (created) {
                AtomicFiles.syncDirectory(dir);
            }
            FrameScanner.Result result = new FrameScanner(raf, options.maxRecordBytes(), validator).scan();
            end = result.validEnd();
            count = result.count();
            if (!result.clean()) {
                tailDirty = true;
                tailNeedsCopy = result.intactDataDropped();
                repairOnOpen(result);
            }
        } catch (IOException e) {
            closeFile();
            closed = true;
            throw new StorageException("Could not open " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeFile(); // e.g. a validator refusing the file: release it untouched
            closed = true;
            throw e;
        }
    }

    private void lockExclusively() throws IOException {
        try {
            lock = raf.getChannel().tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException("it is already open in another PeerShelf window or process");
        }
    }

    private void repairOnOpen(FrameScanner.Result result) {
        long dropped = fileLength() - end;
        try {
            Path copy = trimTail();
            if (copy != null) {
                LOG.error("{} was damaged ({}); kept its first {} records, removed {} bytes after them, "
                        + "and saved the whole damaged file as {}", file, result.problem(), count, dropped, copy);
            } else {
                LOG.warn("{} ended in {}, probably an interrupted write; kept {} records and removed the last "
                        + "{} bytes", file, result.problem(), count, dropped);
            }
        } catch (IOException e) {
            LOG.error("{} is damaged ({}) after its first {} records and could not be repaired now ({}); those "
                    + "records stay readable, saving new ones will fail until it can be", file, result.problem(),
                    count, e.getMessage());
        }
    }

    /** Removes bytes past {@code end}, copying the file aside first when they hold intact data; returns the copy. */
    private Path trimTail() throws IOException {
        Path copy = null;
        if (tailNeedsCopy) {
            copy = DamagedCopies.preserve(file, "damaged");
            tailNeedsCopy = false;
        }
        raf.setLength(end);
        raf.getFD().sync();
        tailDirty = false;
        return copy;
    }

    @Override
    public synchronized long append(byte[] payload) {
        checkSize(payload);
        long index = count;
        write(RecordFrame.encode(payload), 1);
        return index;
    }

    @Override
    public synchronized void appendAll(List<byte[]> payloads) {
        if (payloads.size() == 1) {
            append(payloads.get(0));
            return;
        }
        payloads.forEach(this::checkSize);
        write(RecordFrame.encodeAll(payloads), payloads.size());
    }

    private void checkSize(byte[] payload) {
        if (payload.length > options.maxRecordBytes()) {
            throw new IllegalArgumentException("Record of " + payload.length + " bytes exceeds the limit of "
                    + options.maxRecordBytes() + " bytes for " + file);
        }
    }

    private void write(byte[] frame, int records) {
        ensureOpen();
        try {
            if (tailDirty) {
                trimTail();
            }
            // positional write at the last good frame: whatever a failed append left behind gets overwritten
            raf.seek(end);
            raf.write(frame);
            if (options.forceOnAppend()) {
                raf.getFD().sync();
            }
        } catch (IOException e) {
            tailDirty = true;
            try {
                trimTail();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw StorageException.writeFailed(file, frame.length, e);
        }
        end += frame.length;
        count += records;
    }

    @Override
    public synchronized void forEach(ObjLongConsumer<byte[]> visitor) {
        ensureOpen();
        long records = count;
        long position = 0;
        for (long index = 0; index < records; index++) {
            byte[] payload;
            try {
                payload = RecordFrame.readPayload(raf, position, options.maxRecordBytes());
            } catch (IOException e) {
                throw new StorageException("Could not read " + file + " (" + e.getMessage() + "). It changed on "
                        + "disk while PeerShelf was using it; restart PeerShelf to recover it.", e);
            }
            position += RecordFrame.HEADER_BYTES + payload.length;
            visitor.accept(payload, index);
        }
    }

    @Override
    public List<byte[]> readAll() {
        List<byte[]> all = new ArrayList<>();
        forEach((payload, index) -> all.add(payload));
        return all;
    }

    @Override
    public synchronized long count() {
        return count;
    }

    /** Bytes of intact frames in the file. */
    public synchronized long sizeInBytes() {
        return end;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized void sync() {
        ensureOpen();
        try {
            raf.getFD().sync();
        } catch (IOException e) {
            throw StorageException.writeFailed(file, 0, e);
        }
    }

    /**
     * Replaces the content via {@link AtomicFiles} (temp file, fsync, rename). The file is closed around the
     * rename because Windows cannot replace an open file; it is then reopened and recovered like at start-up.
     */
    @Override
    public synchronized void rewrite(List<byte[]> payloads) {
        ensureOpen();
        for (byte[] payload : payloads) {
            if (payload.length > options.maxRecordBytes()) {
                throw new IllegalArgumentException("Record of " + payload.length + " bytes exceeds the limit");
            }
        }
        byte[] content = RecordFrame.encodeAll(payloads);
        closeFile();
        StorageException failure = null;
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            failure = StorageException.writeFailed(file, content.length, e);
        }
        openAndRecover();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeFile();
        }
    }

    private void closeFile() {
        try {
            if (raf != null) {
                raf.close(); // also releases the lock
            }
        } catch (IOException e) {
            LOG.warn("Could not close {} cleanly: {}", file, e.getMessage());
        }
        raf = null;
        lock = null;
    }

    private long fileLength() {
        try {
            return raf.length();
        } catch (IOException e) {
            return end;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
    }
}
