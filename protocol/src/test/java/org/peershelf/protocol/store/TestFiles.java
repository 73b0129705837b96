package org.peershelf.protocol.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** Raw file surgery that simulates crashes and disk damage behind a store's back. */
final class TestFiles {
    private TestFiles() {
    }

    static void flipBit(Path file, long offset) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(offset);
            int b = raw.read();
            raw.seek(offset);
            raw.write(b ^ 0x01);
        }
    }

    static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(length);
        }
    }

    static void write(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(offset);
            raw.write(bytes);
        }
    }

    /** Start offsets of the frames in an intact log file. */
    static List<Long> frameOffsets(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<Long> offsets = new ArrayList<>();
        for (int at = 0; at < all.length; at += RecordFrame.HEADER_BYTES + ByteBuffer.wrap(all, at + 2, 4).getInt()) {
            offsets.add((long) at);
        }
        return offsets;
    }

    /** Changes one payload byte of a frame and fixes its CRC, as someone tampering on purpose would. */
    static void tamperKeepingChecksumValid(Path file, long frameOffset, int payloadByte) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(frameOffset + 2);
            int length = raw.readInt();
            byte[] payload = new byte[length];
            raw.seek(frameOffset + RecordFrame.HEADER_BYTES);
            raw.readFully(payload);
            payload[payloadByte] ^= 0x01;
            CRC32C crc = RecordFrame.startChecksum(length);
            crc.update(payload);
            raw.seek(frameOffset + 6);
            raw.writeInt((int) crc.getValue());
            raw.write(payload);
        }
    }

    static List<Path> siblingsStartingWith(Path file, String suffix) throws IOException {
        String prefix = file.getFileName() + suffix;
        try (var files = Files.list(file.toAbsolutePath().getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
