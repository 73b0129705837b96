package org.peershelf.protocol.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk frame: {@code [magic:1][version:1][length:4][crc32c:4][payload:length]}, big-endian.
 * The CRC covers the version, the length and the payload, so a flipped bit in the length is caught as well.
 * The magic byte lets recovery look for the next frame after a damaged one.
 */
final class RecordFrame {
    static final byte MAGIC = (byte) 0xA7;
    static final byte VERSION = 1;
    static final int HEADER_BYTES = 10;

    private RecordFrame() {
    }

    static byte[] encode(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        put(frame, payload);
        return frame.array();
    }

    static byte[] encodeAll(List<byte[]> payloads) {
        long total = 0;
        for (byte[] payload : payloads) {
            total += HEADER_BYTES + payload.length;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("Too much data to rewrite at once: " + total + " bytes");
        }
        ByteBuffer all = ByteBuffer.allocate((int) total);
        for (byte[] payload : payloads) {
            put(all, payload);
        }
        return all.array();
    }

    private static void put(ByteBuffer target, byte[] payload) {
        CRC32C crc = startChecksum(payload.length);
        crc.update(payload);
        target.put(MAGIC).put(VERSION).putInt(payload.length).putInt((int) crc.getValue()).put(payload);
    }

    /** A checksum already fed with the header fields it covers; the caller adds the payload. */
    static CRC32C startChecksum(int length) {
        CRC32C crc = new CRC32C();
        crc.update(VERSION);
        crc.update(ByteBuffer.allocate(4).putInt(length).array());
        return crc;
    }

    /**
     * Reads the payload of a frame that recovery already accepted. A mismatch now means the file changed under us
     * (another program, failing hardware), which is reported rather than returned as data.
     */
    static byte[] readPayload(RandomAccessFile file, long position, int maxRecordBytes) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        file.seek(position);
        file.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header);
        byte magic = h.get();
        byte version = h.get();
        int length = h.getInt();
        int expectedCrc = h.getInt();
        if (magic != MAGIC || version != VERSION || length < 0 || length > maxRecordBytes) {
            throw new IOException("no valid record header at offset " + position);
        }
        byte[] payload = new byte[length];
        file.readFully(payload);
        CRC32C crc = startChecksum(length);
        crc.update(payload);
        if ((int) crc.getValue() != expectedCrc) {
            throw new IOException("checksum mismatch at offset " + position);
        }
        return payload;
    }
}
