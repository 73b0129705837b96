package org.peershelf.protocol.resource.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.peershelf.protocol.node.EventRouter;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.resource.Manifest;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkData;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkRequest;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkSent;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves chunks of the resources this device holds, to authenticated links only (the router serves nothing
 * before the handshake). Refuses, with a code and one log line, an id that is not an id, a resource not held
 * ("not-held", so the downloader drops our holder record), an index or length outside the manifest, and a file
 * that resolves outside the repository. At most {@code maxConcurrentUploads} chunks are read and sent at once
 * ("busy" beyond that), paced by the upload limiter. Reads and pacing run on the upload pool, never on a link's inbox.
 */
public final class ChunkServer {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkServer.class);

    private final LocalRepository repository;
    private final Path repositoryRoot;
    private final ExecutorService uploads;
    private final Semaphore slots;
    private final UploadLimiter limiter;
    private final AtomicLong chunksServed = new AtomicLong();

    public ChunkServer(LocalRepository repository, TransferSettings settings, ExecutorService uploads) {
        this.repository = repository;
        this.repositoryRoot = repository.stagingDir().getParent();
        this.uploads = uploads;
        this.slots = new Semaphore(settings.maxConcurrentUploads());
        this.limiter = new UploadLimiter(settings.uploadBytesPerSecond());
    }

    public void register(EventRouter router) {
        router.register(TransferEvents.CHUNK, this::serve);
    }

    /** Changes the upload rate limit (bytes per second, 0 = none) while running. */
    public void setUploadRate(long bytesPerSecond) {
        limiter.setRate(bytesPerSecond);
    }

    public long chunksServed() {
        return chunksServed.get();
    }

    CompletionStage<ChunkSent> serve(PeerLink from, ChunkRequest request) {
        Slice slice;
        try {
            slice = locate(request);
        } catch (ProtocolException e) {
            LOG.info("Refused chunk {}/{} of {} to {}: {} ({})", request.file(), request.chunk(),
                    abbreviate(request.resourceId()), from.remote().shortForm(), e.getMessage(), e.code());
            return CompletableFuture.failedFuture(e);
        }
        if (!slots.tryAcquire()) {
            return CompletableFuture.failedFuture(new ProtocolException(ErrorCodes.BUSY,
                    "This peer is serving as many chunks as it allows; ask again shortly."));
        }
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readPaced(slice), uploads);
        return read.thenCompose(bytes -> from.sendBinary(TransferEvents.CHUNK_DATA,
                        new ChunkData(request.resourceId(), request.file(), request.chunk()), bytes)
                        .thenApply(ack -> new ChunkSent(bytes.length)))
                .whenComplete((sent, error) -> {
                    slots.release();
                    if (error == null) {
                        chunksServed.incrementAndGet();
                    }
                });
    }

    /** Where the requested chunk lies, after every check a hostile request could fail. */
    private record Slice(Path file, long offset, int length) {
    }

    private Slice locate(ChunkRequest request) {
        if (!ResourceId.isValid(request.resourceId())) {
            throw new ProtocolException(ErrorCodes.MALFORMED, "Not a resource id.");
        }
        ResourceId id = ResourceId.of(request.resourceId());
        Resource resource = repository.find(id).orElseThrow(() -> notHeld(id));
        Manifest manifest = resource.manifest();
        if (request.file() < 0 || request.file() >= manifest.files().size()) {
            throw new ProtocolException(ErrorCodes.OUT_OF_RANGE, "The resource has no file " + request.file() + ".");
        }
        if (request.chunk() < 0 || request.chunk() >= manifest.chunkCount(request.file())) {
            throw new ProtocolException(ErrorCodes.OUT_OF_RANGE, "File " + request.file() + " has no chunk "
                    + request.chunk() + ".");
        }
        long length = manifest.chunkLength(request.file(), request.chunk());
        if (request.length() != length || length > Manifest.MAX_CHUNK_SIZE) {
            throw new ProtocolException(ErrorCodes.OUT_OF_RANGE, "Chunk " + request.chunk() + " is " + length
                    + " bytes, not " + request.length() + ".");
        }
        Optional<Path> file = repository.fileOf(id, request.file());
        if (file.isEmpty()) {
            throw notHeld(id); // deleted or truncated behind the repository's back
        }
        Path real;
        try {
            real = file.get().toRealPath();
        } catch (IOException e) {
            throw notHeld(id);
        }
        if (!real.startsWith(realRoot())) {
            throw new ProtocolException(ErrorCodes.REFUSED, "That file lies outside the repository.");
        }
        return new Slice(real, manifest.chunkOffset(request.chunk()), (int) length);
    }

    private Path realRoot() {
        try {
            return repositoryRoot.toRealPath();
        } catch (IOException e) {
            throw new ProtocolException(ErrorCodes.INTERNAL, "The repository folder cannot be read.");
        }
    }

    private byte[] readPaced(Slice slice) {
        try {
            limiter.acquire(slice.length());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException(ErrorCodes.INTERNAL, "The peer is shutting down.");
        }
        byte[] bytes = new byte[slice.length()];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try (FileChannel channel = FileChannel.open(slice.file(), StandardOpenOption.READ)) {
            long position = slice.offset();
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new ProtocolException(ErrorCodes.NOT_HELD, "The file is shorter than its manifest says.");
                }
                position += read;
            }
        } catch (IOException e) {
            LOG.warn("Cannot read {} for an upload: {}", slice.file(), e.getMessage());
            throw new ProtocolException(ErrorCodes.NOT_HELD, "The file cannot be read here any more.");
        }
        return bytes;
    }

    private static ProtocolException notHeld(ResourceId id) {
        return new ProtocolException(ErrorCodes.NOT_HELD, "This peer does not hold " + id.shortForm() + ".");
    }

    private static String abbreviate(String id) {
        return id == null ? "null" : id.length() > 12 ? id.substring(0, 12) : id;
    }
}
