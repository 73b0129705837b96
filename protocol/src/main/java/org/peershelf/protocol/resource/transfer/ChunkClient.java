package org.peershelf.protocol.resource.transfer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventRouter;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.node.PeerUnreachableException;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkData;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkRequest;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;

/**
 * The downloader's end of the chunk exchange: asks a holder for a chunk and collects the bytes it pushes. Only
 * bytes for a chunk this device asked that very peer for are accepted; anything else is refused, so a peer cannot
 * fill our memory with chunks nobody wanted. The bytes are not checked here; the download checks their hash.
 */
public final class ChunkClient {
    private record Key(DeviceId peer, String resourceId, int file, int chunk) {
    }

    /** A fetch in progress: the bytes arrive before the request's acknowledgement. */
    private static final class Pending {
        final PeerLink link;
        final CompletableFuture<byte[]> result = new CompletableFuture<>();
        volatile byte[] bytes;

        Pending(PeerLink link) {
            this.link = link;
        }
    }

    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();

    public void register(EventRouter router) {
        router.registerBinary(TransferEvents.CHUNK_DATA, this::onData);
    }

    /** Fetches one chunk of {@code length} bytes from the peer at the other end of {@code link}. */
    public CompletableFuture<byte[]> fetch(PeerLink link, ResourceId id, int file, int chunk, long length) {
        Key key = new Key(link.remote(), id.hex(), file, chunk);
        Pending slot = new Pending(link);
        if (pending.putIfAbsent(key, slot) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("chunk " + chunk + " already requested"));
        }
        link.request(TransferEvents.CHUNK, new ChunkRequest(id.hex(), file, chunk, length))
                .thenApply(sent -> {
                    byte[] bytes = slot.bytes;
                    if (bytes == null || bytes.length != sent.length()) {
                        throw new ProtocolException(ErrorCodes.MALFORMED,
                                "Peer " + link.remote().shortForm() + " acknowledged a chunk it did not send.");
                    }
                    return bytes;
                })
                .whenComplete((bytes, error) -> {
                    if (error == null) {
                        slot.result.complete(bytes);
                    } else {
                        slot.result.completeExceptionally(error);
                    }
                });
        return slot.result.whenComplete((bytes, error) -> pending.remove(key, slot));
    }

    /**
     * Fails fetches whose link has closed (lost, or superseded by a duplicate link to the same peer): their answer
     * will never come, and waiting out the request timeout would stall the download. Called a few times a second.
     */
    public void failFetchesOnClosedLinks() {
        for (Pending slot : pending.values()) {
            if (!slot.link.isOpen()) {
                slot.result.completeExceptionally(new PeerUnreachableException(slot.link.remote(), "the link closed"));
            }
        }
    }

    private CompletionStage<Empty> onData(PeerLink from, ChunkData header, byte[] data) {
        Pending slot = pending.get(new Key(from.remote(), header.resourceId(), header.file(), header.chunk()));
        if (slot == null || slot.bytes != null) {
            return CompletableFuture.failedFuture(new ProtocolException(ErrorCodes.REFUSED, "No such chunk was asked for."));
        }
        slot.bytes = data;
        return CompletableFuture.completedFuture(Empty.INSTANCE);
    }
}
