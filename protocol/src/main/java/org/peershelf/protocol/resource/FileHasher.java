package org.peershelf.protocol.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a file once, chunk by chunk, feeding each chunk to both the file digest and a chunk digest, and (when asked)
 * writing the same bytes to a copy. Hashing what is written means the copy and its manifest entry always agree, even
 * if the source changes while it is read. One instance per thread (it owns a chunk-sized buffer).
 */
public final class FileHasher {
    private static final HexFormat HEX = HexFormat.of();
    private final int chunkSize;
    private final byte[] buffer;
    private final MessageDigest fileDigest = CanonicalForm.sha256();
    private final MessageDigest chunkDigest = CanonicalForm.sha256();

    public FileHasher(int chunkSize) {
        if (chunkSize < Manifest.MIN_CHUNK_SIZE || chunkSize > Manifest.MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.buffer = new byte[chunkSize];
    }

    public int chunkSize() {
        return chunkSize;
    }

    /** Hashes {@code source} as the package file {@code path}. */
    public ManifestFile hash(String path, Path source) throws IOException {
        return hashAndCopy(path, source, null);
    }

    /**
     * Hashes {@code source} as the package file {@code path}, copying its bytes to {@code copy} (created; must not
     * exist) unless {@code copy} is null. The copy is fsynced before this returns.
     */
    public ManifestFile hashAndCopy(String path, Path source, Path copy) throws IOException {
        PackagePath.validate(path);
        fileDigest.reset();
        List<String> chunks = new ArrayList<>();
        long size = 0;
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = copy == null ? OutputStream.nullOutputStream() : Files.newOutputStream(copy,
                     StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int filled;
            while ((filled = in.readNBytes(buffer, 0, chunkSize)) > 0) {
                fileDigest.update(buffer, 0, filled);
                chunkDigest.update(buffer, 0, filled);
                chunks.add(HEX.formatHex(chunkDigest.digest()));
                out.write(buffer, 0, filled);
                size += filled;
            }
        }
        if (copy != null) {
            forceToDisk(copy);
        }
        return new ManifestFile(path, size, HEX.formatHex(fileDigest.digest()), chunks);
    }

    /** SHA-256 (hex) of some bytes, e.g. a received chunk. */
    public static String sha256Hex(byte[] bytes, int offset, int length) {
        MessageDigest digest = CanonicalForm.sha256();
        digest.update(bytes, offset, length);
        return HEX.formatHex(digest.digest());
    }

    private static void forceToDisk(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
