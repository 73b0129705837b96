package org.peershelf.protocol.resource.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkData;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkRequest;
import org.peershelf.protocol.resource.transfer.TransferMessages.ChunkSent;
import org.peershelf.protocol.wire.WireCodec;
import org.peershelf.protocol.wire.WireReply;

class TransferMessagesTest {
    private final WireCodec codec = new WireCodec(1 << 20);
    private static final String ID = "ab".repeat(32);

    @Test
    void chunkRequestRoundTrips() {
        ChunkRequest request = new ChunkRequest(ID, 2, 7, 1 << 20);
        assertThat(codec.decode(codec.encode(request), TransferEvents.CHUNK.requestType())).isEqualTo(request);
    }

    @Test
    void chunkSentReplyRoundTrips() {
        ChunkSent sent = new ChunkSent(12345);
        String reply = codec.encodeReply(WireReply.success(codec.toTree(sent)));
        assertThat(codec.decodeReplyBody(reply, TransferEvents.CHUNK.replyType())).isEqualTo(sent);
    }

    @Test
    void chunkDataHeaderRoundTrips() {
        ChunkData data = new ChunkData(ID, 0, 3);
        assertThat(codec.decode(codec.encode(data), TransferEvents.CHUNK_DATA.requestType())).isEqualTo(data);
    }
}
