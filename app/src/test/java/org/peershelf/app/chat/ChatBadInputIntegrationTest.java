package org.peershelf.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatEvents;
import org.peershelf.protocol.chat.ChatException;
import org.peershelf.protocol.chat.ChatWire.Deleted;
import org.peershelf.protocol.chat.ChatWire.Deliver;
import org.peershelf.protocol.chat.ChatWire.DeliverAck;
import org.peershelf.protocol.chat.ChatWire.DirectText;
import org.peershelf.protocol.chat.ChatWire.Post;
import org.peershelf.protocol.chat.ChatWire.PostAck;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.ChatWire.RoomView;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;

/** Hostile or broken peers: every bad chat event is refused with its error code and changes nothing. */
@Tag("integration")
class ChatBadInputIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    final ChatNetwork network = new ChatNetwork();

    private static PeerLink link(Peer from, Peer to) {
        return from.node().links().get(to.node().deviceId()).orElseThrow();
    }

    private static String codeOf(CompletableFuture<?> request) {
        Throwable error = catchThrowable(request::join);
        assertThat(error).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ProtocolException.class);
        return ((ProtocolException) error.getCause()).code();
    }

    @Test
    void badRoomAndDirectEventsAreRefusedAndChangeNothing() {
        Peer host = network.start("host");
        Peer member = network.start("member");
        Peer other = network.start("other");
        Peer outsider = network.start("outsider");
        for (Peer p : List.of(member, other, outsider)) {
            ChatIntegrationTest.awaitLinked(host, p);
        }
        ChatIntegrationTest.awaitLinked(member, other);
        String room = host.chats().rooms().create("Guarded", List.of(member.node().deviceId(), other.node().deviceId()));
        await().atMost(WAIT).until(() -> ChatIntegrationTest.knows(member, room) && ChatIntegrationTest.knows(other, room));
        member.chats().rooms().say(room, "legit");
        await().atMost(WAIT).until(() -> other.chats().rooms().history(room).size() == 1);
        RoomLine legit = host.chats().rooms().history(room).get(0);

        // a non-member posts
        assertThat(codeOf(link(outsider, host).request(ChatEvents.POST, new Post(room, 0, 1, 0, "spam", 0L))))
                .isEqualTo(ErrorCodes.NOT_MEMBER);
        // an over-long message
        String huge = "x".repeat(8_001);
        assertThat(codeOf(link(member, host).request(ChatEvents.POST, new Post(room, 0, 99, 0, huge, 0L))))
                .isEqualTo(ErrorCodes.TOO_LARGE);
        // a room that does not exist
        assertThat(codeOf(link(member, host).request(ChatEvents.POST,
                new Post("00000000-0000-0000-0000-000000000000", 0, 100, 0, "hello?", 0L)))).isEqualTo(ErrorCodes.NOT_FOUND);
        // an epoch the room never had
        assertThat(codeOf(link(member, host).request(ChatEvents.POST, new Post(room, 7, 101, 0, "from the future", 0L))))
                .isEqualTo(ErrorCodes.STALE_EPOCH);
        // a member forging a line as if it were the host (and claiming another sender)
        RoomLine forged = new RoomLine(2, 0, host.node().deviceId().value(), 50, 0, "forged");
        assertThat(codeOf(link(member, other).request(ChatEvents.DELIVER, new Deliver(room, 0, List.of(forged)))))
                .isEqualTo(ErrorCodes.NOT_HOST);
        // a member describing the room as its host
        RoomView takeover = new RoomView(room, "Mine now", host.node().deviceId().value(), "x",
                member.node().deviceId().value(), 0, List.of(member.node().deviceId().value()), false);
        assertThat(codeOf(link(member, other).request(ChatEvents.STATE, takeover))).isEqualTo(ErrorCodes.NOT_HOST);
        // a member deleting the room
        assertThat(codeOf(link(member, other).request(ChatEvents.DELETED, new Deleted(room)))).isEqualTo(ErrorCodes.REFUSED);
        // the host's line from an older epoch
        assertThat(codeOf(link(host, other).request(ChatEvents.DELIVER, new Deliver(room, -1, List.of(forged)))))
                .isEqualTo(ErrorCodes.STALE_EPOCH);
        // sequences from the past: acknowledged as held, nothing stored twice
        DeliverAck past = link(host, other).request(ChatEvents.DELIVER, new Deliver(room, 0, List.of(legit))).join();
        assertThat(past.lastSeq()).isEqualTo(1);
        PostAck resent = link(member, host).request(ChatEvents.POST,
                new Post(room, 0, legit.senderSeq(), legit.sentAt(), legit.text(), 0L)).join();
        assertThat(resent).isEqualTo(new PostAck(1, true));
        // a post after one the host never got: refused, not numbered (the missing one would then look like a copy)
        assertThat(codeOf(link(member, host).request(ChatEvents.POST,
                new Post(room, 0, legit.senderSeq() + 2, 0, "skips one", legit.senderSeq() + 1)))).isEqualTo(ErrorCodes.REFUSED);
        // direct: over-long, and a sequence that cannot be
        assertThat(codeOf(link(outsider, member).request(ChatEvents.DIRECT, new DirectText(1, 0, huge))))
                .isEqualTo(ErrorCodes.TOO_LARGE);
        assertThat(codeOf(link(outsider, member).request(ChatEvents.DIRECT, new DirectText(0, 0, "zero"))))
                .isEqualTo(ErrorCodes.MALFORMED);
        // and locally
        assertThat(catchThrowable(() -> member.chats().rooms().say(room, huge))).isInstanceOf(ChatException.class);

        for (Peer p : List.of(host, member, other)) {
            assertThat(p.chats().rooms().history(room)).containsExactly(legit);
            assertThat(p.chats().rooms().summary(room).name()).isEqualTo("Guarded");
            assertThat(p.chats().rooms().summary(room).deleted()).isFalse();
        }
        assertThat(member.chats().direct().history(outsider.node().deviceId())).isEmpty();
        assertThat(host.node().links().get(member.node().deviceId())).as("the peers stay up and linked").isPresent();
    }
}
