package org.peershelf.protocol.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.chat.ChatWire.Deleted;
import org.peershelf.protocol.chat.ChatWire.Deliver;
import org.peershelf.protocol.chat.ChatWire.DeliverAck;
import org.peershelf.protocol.chat.ChatWire.DirectAck;
import org.peershelf.protocol.chat.ChatWire.DirectText;
import org.peershelf.protocol.chat.ChatWire.EpochStart;
import org.peershelf.protocol.chat.ChatWire.Leave;
import org.peershelf.protocol.chat.ChatWire.Post;
import org.peershelf.protocol.chat.ChatWire.PostAck;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.ChatWire.RoomView;
import org.peershelf.protocol.chat.ChatWire.Score;
import org.peershelf.protocol.chat.ChatWire.SyncReply;
import org.peershelf.protocol.chat.ChatWire.SyncRequest;
import org.peershelf.protocol.chat.ChatWire.Takeover;
import org.peershelf.protocol.chat.ChatWire.TakeoverReply;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.EventType;
import org.peershelf.protocol.wire.ProtocolException;
import org.peershelf.protocol.wire.WireCodec;

class ChatWireTest {
    private static final String DEVICE = "0123456789abcdef0123456789abcdef01234567";
    private final WireCodec codec = new WireCodec(100_000);

    @Test
    void everyChatPayloadRoundTrips() {
        RoomLine line = new RoomLine(7, 2, DEVICE, 3, 1_700_000_000_000L, "hällo, 世界");
        List<Object> samples = List.of(new DirectText(1, 2, "hi"), new DirectAck(1, true),
                new RoomView("r-1", "Lab", DEVICE, "u", DEVICE, 0, List.of(DEVICE), false), line,
                new Post("r-1", 0, 1, 2, "x", 0L), new PostAck(4, false), new Deliver("r-1", 1, List.of(line, line)), new DeliverAck(6),
                new SyncRequest("r-1", 5, 100), new SyncReply(DEVICE, 1, List.of(line), 7, List.of(new EpochStart(1, 6))),
                new EpochStart(2, 9), new Leave("r-1"), new Score("r-1", 1234), new Takeover("r-1", 3, 9),
                new TakeoverReply(9, List.of(line)), new Deleted("r-1"));
        for (Object sample : samples) {
            assertThat(codec.decode(codec.encode(sample), sample.getClass())).isEqualTo(sample);
        }
    }

    @Test
    void aPostOfAnOlderVersionWithoutAfterReadsAsZero() {
        Post old = codec.decode("{\"roomId\":\"r-1\",\"epoch\":0,\"senderSeq\":3,\"sentAt\":1,\"text\":\"hi\"}", Post.class);
        assertThat(old.after()).isZero();
    }

    @Test
    void everyEventCarriesItsDeclaredPayload() {
        for (EventType<?, ?> type : ChatEvents.ALL) {
            assertThat(type.name()).matches("(chat|room)\\.[a-z]+");
            assertThat(type.requestType().getEnclosingClass()).isEqualTo(ChatWire.class);
        }
        assertThat(ChatEvents.ALL).extracting(EventType::name).doesNotHaveDuplicates();
    }

    @Test
    void postWithoutItsSequenceIsMalformed() {
        assertThatThrownBy(() -> codec.decode("{\"roomId\":\"r\",\"epoch\":0,\"senderSeq\":null}", Post.class))
                .isInstanceOf(ProtocolException.class).extracting(e -> ((ProtocolException) e).code())
                .isEqualTo(ErrorCodes.MALFORMED);
    }
}
