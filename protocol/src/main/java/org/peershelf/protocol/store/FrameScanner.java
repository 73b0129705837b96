package org.peershelf.protocol.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Walks a log file from the start and finds where its intact prefix ends. Payloads are checksummed in fixed-size
 * chunks, so neither a long record nor a garbage length allocates more than the chunk buffers (unless a validator
 * needs whole payloads, which are bounded by the maximum record size).
 */
final class FrameScanner {
    private static final int CHUNK = 64 * 1024;

    /**
     * @param validEnd          offset just past the last good frame
     * @param count             number of good frames before {@code validEnd}
     * @param problem           what was wrong at {@code validEnd}, or null if the whole file is good
     * @param intactDataDropped true when bytes after {@code validEnd} still hold a checksum-valid frame, i.e.
     *                          truncating there would throw away something that is not simply a torn write
     */
    record Result(long validEnd, long count, String problem, boolean intactDataDropped) {
        boolean clean() {
            return problem == null;
        }
    }

    private record Check(long next, String problem, boolean checksumValid) {
        static Check bad(String problem) {
            return new Check(-1, problem, false);
        }
    }

    private final RandomAccessFile file;
    private final long size;
    private final int maxRecordBytes;
    private final RecordValidator validator;
    private final byte[] crcBuffer = new byte[CHUNK];
    private final byte[] searchBuffer = new byte[CHUNK];

    FrameScanner(RandomAccessFile file, int maxRecordBytes, RecordValidator validator) throws IOException {
        this.file = file;
        this.size = file.length();
        this.maxRecordBytes = maxRecordBytes;
        this.validator = validator;
    }

    Result scan() throws IOException {
        long position = 0;
        long count = 0;
        while (position < size) {
            Check check = check(position, count, validator);
            if (check.problem() != null) {
                boolean dropped = check.checksumValid() || validFrameAfter(position + 1);
                return new Result(position, count, check.problem(), dropped);
            }
            position = check.next();
            count++;
        }
        return new Result(position, count, null, false);
    }

    private Check check(long position, long index, RecordValidator recordValidator) throws IOException {
        long remaining = size - position;
        if (remaining < RecordFrame.HEADER_BYTES) {
            return Check.bad("a torn record header (" + remaining + " bytes) at offset " + position);
        }
        byte[] header = new byte[RecordFrame.HEADER_BYTES];
        file.seek(position);
        file.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header);
        byte magic = h.get();
        byte version = h.get();
        int length = h.getInt();
        int expectedCrc = h.getInt();
        if (magic != RecordFrame.MAGIC || version != RecordFrame.VERSION) {
            return Check.bad("no record marker at offset " + position);
        }
        if (length < 0 || length > maxRecordBytes) {
            return Check.bad("an impossible record length (" + length + " bytes) at offset " + position);
        }
        if (length > remaining - RecordFrame.HEADER_BYTES) {
            return Check.bad("an incomplete record (" + (remaining - RecordFrame.HEADER_BYTES) + " of " + length
                    + " bytes) at offset " + position);
        }
        CRC32C crc = RecordFrame.startChecksum(length);
        byte[] payload = null;
        if (recordValidator != null) {
            payload = new byte[length];
            file.readFully(payload);
            crc.update(payload);
        } else {
            for (int left = length; left > 0; ) {
                int n = Math.min(left, CHUNK);
                file.readFully(crcBuffer, 0, n);
                crc.update(crcBuffer, 0, n);
                left -= n;
            }
        }
        if ((int) crc.getValue() != expectedCrc) {
            return Check.bad("a checksum mismatch at offset " + position);
        }
        if (payload != null && !recordValidator.isValid(index, payload)) {
            return new Check(-1, "record " + index + " failed its integrity check at offset " + position, true);
        }
        return new Check(position + RecordFrame.HEADER_BYTES + length, null, true);
    }

    /** Looks for any checksum-valid frame starting at or after {@code start}, byte by byte from each magic byte. */
    private boolean validFrameAfter(long start) throws IOException {
        for (long chunkStart = start; chunkStart < size; chunkStart += CHUNK) {
            int n = (int) Math.min(CHUNK, size - chunkStart);
            file.seek(chunkStart);
            file.readFully(searchBuffer, 0, n);
            for (int i = 0; i < n; i++) {
                if (searchBuffer[i] == RecordFrame.MAGIC && check(chunkStart + i, 0, null).problem() == null) {
                    return true;
                }
            }
        }
        return false;
    }
}
