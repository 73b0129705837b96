package org.peershelf.protocol.resource.transfer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Optional;
import java.util.stream.Stream;
import org.peershelf.protocol.resource.FileHasher;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.PackageFiles;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.store.AtomicFiles;
import org.peershelf.protocol.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A download's files on disk while it runs: {@code <staging>/<id>/files/<package paths>} (laid out as
 * {@link org.peershelf.protocol.resource.repository.LocalRepository#importVerified} takes them),
 * {@code resource.json} (so it resumes after a restart without the registry) and {@code verified.log}, one
 * 8-byte record per chunk written after its verified bytes. On reopening, each chunk the log names is hashed
 * again from the file and counts only if it still matches, so a torn log, a crash between the data write and
 * the log record, or a power loss before the page cache reached the disk costs a refetch, never a bad byte.
 */
final class PartialDownload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartialDownload.class);
    static final String FILES = "files";
    static final String RESOURCE = "resource.json";
    static final String VERIFIED = "verified.log";
    private static final int CHECK = 0x5EED_F11E;

    private final Resource resource;
    private final Path folder;
    private final int[] firstChunk;
    private final BitSet verified = new BitSet();
    private final FileChannel[] files;
    private final FileChannel log;
    private long verifiedBytes;

    private PartialDownload(Resource resource, Path folder) throws IOException {
        this.resource = resource;
        this.folder = folder;
        Manifest manifest = resource.manifest();
        this.firstChunk = new int[manifest.files().size() + 1];
        this.files = new FileChannel[manifest.files().size()];
        for (int f = 0; f < files.length; f++) {
            firstChunk[f + 1] = firstChunk[f] + manifest.chunkCount(f);
            Path path = PackageFiles.resolve(folder.resolve(FILES), manifest.files().get(f).path());
            Files.createDirectories(path.getParent());
            if (!Files.exists(path)) {
                try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
                    raf.setLength(manifest.files().get(f).size());
                }
            }
            files[f] = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        this.log = FileChannel.open(folder.resolve(VERIFIED), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        recheckLoggedChunks();
        log.truncate(log.size() / 8 * 8); // drop a torn last record, so new records stay aligned
        log.position(log.size());
    }

    /** Opens (or creates) the partial state of {@code resource} below {@code stagingDir}. */
    static PartialDownload open(Path stagingDir, Resource resource, WireCodec codec) throws IOException {
        Path folder = stagingDir.resolve(resource.id().hex());
        Files.createDirectories(folder);
        if (!Files.exists(folder.resolve(RESOURCE))) {
            AtomicFiles.write(folder.resolve(RESOURCE), codec.encode(resource).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new PartialDownload(resource, folder);
    }

    /** The resources of interrupted downloads below {@code stagingDir}. */
    static Stream<Resource> interrupted(Path stagingDir, WireCodec codec) {
        if (!Files.isDirectory(stagingDir)) {
            return Stream.empty();
        }
        try (Stream<Path> folders = Files.list(stagingDir)) {
            return folders.toList().stream().map(f -> readResource(f, codec)).flatMap(Optional::stream);
        } catch (IOException e) {
            LOG.warn("Cannot list interrupted downloads in {}: {}", stagingDir, e.getMessage());
            return Stream.empty();
        }
    }

    private static Optional<Resource> readResource(Path folder, WireCodec codec) {
        try {
            Resource resource = codec.decode(Files.readString(folder.resolve(RESOURCE)), Resource.class);
            return resource.id().hex().equals(folder.getFileName().toString()) ? Optional.of(resource) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping the partial download in {}: {}", folder, e.getMessage());
            return Optional.empty();
        }
    }

    Resource resource() {
        return resource;
    }

    Path folder() {
        return folder;
    }

    Path filesFolder() {
        return folder.resolve(FILES);
    }

    int totalChunks() {
        return firstChunk[firstChunk.length - 1];
    }

    int fileOf(int global) {
        int f = 0;
        while (firstChunk[f + 1] <= global) {
            f++;
        }
        return f;
    }

    int chunkInFile(int global) {
        return global - firstChunk[fileOf(global)];
    }

    long lengthOf(int global) {
        return resource.manifest().chunkLength(fileOf(global), chunkInFile(global));
    }

    String hashOf(int global) {
        return resource.manifest().chunkHash(fileOf(global), chunkInFile(global));
    }

    synchronized boolean isVerified(int global) {
        return verified.get(global);
    }

    synchronized int verifiedCount() {
        return verified.cardinality();
    }

    synchronized long verifiedBytes() {
        return verifiedBytes;
    }

    /** Writes a chunk whose bytes already matched its hash, then records it as verified. */
    void write(int global, byte[] bytes) throws IOException {
        int f = fileOf(global);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = resource.manifest().chunkOffset(chunkInFile(global));
        while (buffer.hasRemaining()) {
            position += files[f].write(buffer, position);
        }
        synchronized (this) {
            if (verified.get(global)) {
                return;
            }
            ByteBuffer record = ByteBuffer.allocate(8).putInt(global).putInt(global ^ CHECK).flip();
            while (record.hasRemaining()) {
                log.write(record);
            }
            verified.set(global);
            verifiedBytes += bytes.length;
        }
    }

    /** Forces the files to disk (before they are moved into the repository). */
    void force() throws IOException {
        for (FileChannel file : files) {
            file.force(false);
        }
    }

    /** Removes the partial state (after import or cancel). */
    void delete() {
        close();
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> tree = Files.walk(folder)) {
                    for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the partial download {}: {}", folder, e.getMessage());
        }
    }

    private void recheckLoggedChunks() throws IOException {
        long records = log.size() / 8; // a torn last record is ignored
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(records * 8, Integer.MAX_VALUE - 8));
        log.read(all, 0);
        all.flip();
        int dropped = 0;
        for (long r = 0; r < records; r++) {
            int global = all.getInt();
            int check = all.getInt();
            if ((global ^ CHECK) != check || global < 0 || global >= totalChunks() || verified.get(global)) {
                continue;
            }
            if (stillMatches(global)) {
                verified.set(global);
                verifiedBytes += lengthOf(global);
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.warn("{} chunks of the partial download {} no longer match their hash; fetching them again", dropped,
                    resource.id().shortForm());
        }
    }

    private boolean stillMatches(int global) throws IOException {
        int f = fileOf(global);
        byte[] bytes = new byte[(int) lengthOf(global)];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = resource.manifest().chunkOffset(chunkInFile(global));
        while (buffer.hasRemaining()) {
            int read = files[f].read(buffer, position);
            if (read < 0) {
                return false;
            }
            position += read;
        }
        return FileHasher.sha256Hex(bytes, 0, bytes.length).equals(hashOf(global));
    }

    @Override
    public void close() {
        for (FileChannel file : files) {
            closeQuietly(file);
        }
        closeQuietly(log);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.debug("close failed: {}", e.getMessage());
        }
    }
}
