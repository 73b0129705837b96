package org.peershelf.protocol.resource.transfer;

import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkData;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkRequest;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkSent;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.EventType;

/**
 * The chunk transfer events. A downloader asks with {@link #CHUNK}; the holder pushes the bytes as a binary
 * {@link #CHUNK_DATA} event and, once that is acknowledged, answers the request. Pushing the bytes as an event
 * (not in the acknowledgement) works in both link directions with netty-socketio 2.0.14; see
 * docs/decisions/0001-chunk-data-path.md.
 */
public final class TransferEvents {
    public static final EventType<ChunkRequest, ChunkSent> CHUNK =
            EventType.of("resource.chunk", ChunkRequest.class, ChunkSent.class);
    public static final EventType<ChunkData, Empty> CHUNK_DATA =
            EventType.of("resource.chunk-data", ChunkData.class, Empty.class);

    private TransferEvents() {
    }
}
