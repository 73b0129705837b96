package org.peershelf.protocol.chat;

import java.util.List;
import org.peershelf.protocol.chat.ChatWire.Deleted;
import org.peershelf.protocol.chat.ChatWire.Deliver;
import org.peershelf.protocol.chat.ChatWire.DeliverAck;
import org.peershelf.protocol.chat.ChatWire.DirectAck;
import org.peershelf.protocol.chat.ChatWire.DirectText;
import org.peershelf.protocol.chat.ChatWire.Leave;
import org.peershelf.protocol.chat.ChatWire.Post;
import org.peershelf.protocol.chat.ChatWire.PostAck;
import org.peershelf.protocol.chat.ChatWire.RoomView;
import org.peershelf.protocol.chat.ChatWire.Score;
import org.peershelf.protocol.chat.ChatWire.SyncReply;
import org.peershelf.protocol.chat.ChatWire.SyncRequest;
import org.peershelf.protocol.chat.ChatWire.Takeover;
import org.peershelf.protocol.chat.ChatWire.TakeoverReply;
import org.peershelf.protocol.wire.Empty;
import org.peershelf.protocol.wire.EventType;

/** The chat events; each is documented in docs/PROTOCOL.md. */
public final class ChatEvents {
    public static final EventType<DirectText, DirectAck> DIRECT = EventType.of("chat.direct", DirectText.class, DirectAck.class);
    public static final EventType<RoomView, Empty> STATE = EventType.of("room.state", RoomView.class, Empty.class);
    public static final EventType<Post, PostAck> POST = EventType.of("room.post", Post.class, PostAck.class);
    public static final EventType<Deliver, DeliverAck> DELIVER = EventType.of("room.deliver", Deliver.class, DeliverAck.class);
    public static final EventType<SyncRequest, SyncReply> SYNC = EventType.of("room.sync", SyncRequest.class, SyncReply.class);
    public static final EventType<Leave, Empty> LEAVE = EventType.of("room.leave", Leave.class, Empty.class);
    public static final EventType<Score, Empty> SCORE = EventType.of("room.score", Score.class, Empty.class);
    public static final EventType<Takeover, TakeoverReply> TAKEOVER =
            EventType.of("room.takeover", Takeover.class, TakeoverReply.class);
    public static final EventType<Deleted, Empty> DELETED = EventType.of("room.deleted", Deleted.class, Empty.class);

    public static final List<EventType<?, ?>> ALL = List.of(DIRECT, STATE, POST, DELIVER, SYNC, LEAVE, SCORE, TAKEOVER,
            DELETED);

    private ChatEvents() {
    }
}
