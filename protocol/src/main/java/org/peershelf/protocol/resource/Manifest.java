package org.peershelf.protocol.resource;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The files of a package and how they are cut into chunks. The chunk size is fixed per resource; chunk {@code c} of a
 * file covers bytes {@code [c * chunkSize, min(size, (c + 1) * chunkSize))}. Files are in path order (the builder
 * sorts them), which keeps the id independent of the order a file system lists them in.
 */
public record Manifest(int chunkSize, List<ManifestFile> files) {
    /** 1 MiB: big enough that per-chunk overhead is small, small enough that a bad chunk costs little to refetch. */
    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;
    public static final int MIN_CHUNK_SIZE = 1 << 10;
    public static final int MAX_CHUNK_SIZE = 1 << 26;
    public static final int MAX_FILES = 100_000;

    public Manifest {
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new InvalidManifestException("Chunk size " + chunkSize + " is outside " + MIN_CHUNK_SIZE + "…"
                    + MAX_CHUNK_SIZE + " bytes.");
        }
        Objects.requireNonNull(files, "files");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new InvalidManifestException("A resource needs at least one file.");
        }
        if (files.size() > MAX_FILES) {
            throw new InvalidManifestException("A resource may have at most " + MAX_FILES + " files.");
        }
        long chunks = 0;
        Set<String> seen = new HashSet<>();
        for (ManifestFile file : files) {
            long expected = chunksFor(file.size(), chunkSize);
            if (file.chunkSha256().size() != expected) {
                throw new InvalidManifestException("File \"" + file.path() + "\" of " + file.size() + " bytes should have "
                        + expected + " chunk hashes, not " + file.chunkSha256().size() + ".");
            }
            chunks += expected;
            if (!seen.add(PackagePath.clashKey(file.path()))) {
                throw new InvalidPackagePathException(file.path(), "another file has the same name (ignoring case)");
            }
        }
        if (chunks > Integer.MAX_VALUE) {
            throw new InvalidManifestException("The resource has too many chunks.");
        }
        for (ManifestFile file : files) {
            String folder = PackagePath.clashKey(file.path());
            for (int slash = folder.indexOf('/'); slash >= 0; slash = folder.indexOf('/', slash + 1)) {
                if (seen.contains(folder.substring(0, slash))) {
                    throw new InvalidPackagePathException(file.path(), "a file has the name of its folder");
                }
            }
        }
    }

    /** Bytes of all files together. */
    public long totalSize() {
        long total = 0;
        for (ManifestFile file : files) {
            total += file.size();
        }
        return total;
    }

    public int chunkCount(int fileIndex) {
        return files.get(fileIndex).chunkSha256().size();
    }

    /** @throws IndexOutOfBoundsException for a file or chunk that does not exist */
    public long chunkLength(int fileIndex, int chunkIndex) {
        ManifestFile file = files.get(fileIndex);
        Objects.checkIndex(chunkIndex, file.chunkSha256().size());
        return Math.min(chunkSize, file.size() - (long) chunkIndex * chunkSize);
    }

    /** Where chunk {@code chunkIndex} starts in its file. */
    public long chunkOffset(int chunkIndex) {
        return (long) chunkIndex * chunkSize;
    }

    /** The expected SHA-256 (hex) of a chunk. @throws IndexOutOfBoundsException if it does not exist */
    public String chunkHash(int fileIndex, int chunkIndex) {
        return files.get(fileIndex).chunkSha256().get(chunkIndex);
    }

    public int totalChunks() {
        int total = 0;
        for (ManifestFile file : files) {
            total += file.chunkSha256().size();
        }
        return total;
    }

    static long chunksFor(long size, int chunkSize) {
        return (size + chunkSize - 1) / chunkSize;
    }
}
