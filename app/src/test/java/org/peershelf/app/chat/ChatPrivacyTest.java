package org.peershelf.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.peershelf.app.chat.ChatIntegrationTest.awaitLinked;
import static org.peershelf.app.chat.ChatIntegrationTest.id;
import static org.peershelf.app.chat.ChatIntegrationTest.knows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatEvents;
import org.peershelf.protocol.chat.ChatWire.Post;
import org.peershelf.protocol.chat.ChatWire.SyncRequest;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;

/** Room messages reach only members, even a non-member linked to the host; direct messages only the two ends. */
@Tag("integration")
class ChatPrivacyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    final ChatNetwork network = new ChatNetwork();

    private static String errorOf(Throwable e) {
        return e instanceof ExecutionException && e.getCause() instanceof ProtocolException p ? p.code() : String.valueOf(e);
    }

    @Test
    void aNonMemberLinkedToTheHostReceivesNothingFromTheRoomAndCannotPullOrPost() throws Exception {
        Peer host = network.start("host");
        Peer member = network.start("member");
        Peer outsider = network.start("outsider");
        awaitLinked(host, member);
        awaitLinked(host, outsider);
        List<ChatEvent> heard = new CopyOnWriteArrayList<>();
        outsider.chats().subscribe(heard::add);

        String room = host.chats().rooms().create("Private", List.of(id(member)));
        await().atMost(WAIT).until(() -> knows(member, room));
        host.chats().rooms().say(room, "secret from the host");
        member.chats().rooms().say(room, "secret from the member");
        await().atMost(WAIT).until(() -> member.chats().rooms().history(room).size() == 2
                && host.chats().rooms().history(room).size() == 2);

        assertThat(knows(outsider, room)).isFalse();
        assertThat(heard).as("chat events on the outsider").noneMatch(e -> e.toString().contains(room));
        PeerLink toHost = outsider.node().links().get(id(host)).orElseThrow();
        assertThatThrownBy(() -> toHost.request(ChatEvents.SYNC, new SyncRequest(room, 0, 100)).get(5, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(errorOf(e)).isEqualTo(ErrorCodes.NOT_MEMBER));
        long epoch = host.chats().rooms().list().stream().filter(r -> r.roomId().equals(room)).findFirst()
                .map(r -> r.epoch()).orElseThrow();
        assertThatThrownBy(() -> toHost.request(ChatEvents.POST, new Post(room, epoch, 1, System.currentTimeMillis(),
                "let me in", 0L)).get(5, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(errorOf(e)).isEqualTo(ErrorCodes.NOT_MEMBER));
        assertThat(host.chats().rooms().history(room)).hasSize(2);
    }

    @Test
    void aDeviceThatAddsItselfToTheRoomDirectoryStillReceivesNothing() throws Exception {
        Peer host = network.start("host");
        Peer member = network.start("member");
        awaitLinked(host, member);
        String room = host.chats().rooms().create("Private", List.of(id(member)));
        await().atMost(WAIT).until(() -> knows(member, room));
        Peer outsider = network.start("outsider");
        awaitLinked(host, outsider);
        // a registry user writes its own device into the room's member list
        network.newRegistryClient().addMember(room, id(outsider));
        outsider.chats().rooms().reconcile();

        host.chats().rooms().say(room, "still secret");
        await().atMost(WAIT).until(() -> member.chats().rooms().history(room).size() == 1);

        // the host goes by its own member list, not the directory
        PeerLink toHost = outsider.node().links().get(id(host)).orElseThrow();
        assertThatThrownBy(() -> toHost.request(ChatEvents.SYNC, new SyncRequest(room, 0, 100)).get(5, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(errorOf(e)).isEqualTo(ErrorCodes.NOT_MEMBER));
        assertThat(!knows(outsider, room) || outsider.chats().rooms().history(room).isEmpty())
                .as("the outsider holds no message of the room").isTrue();
    }

    @Test
    void aDirectMessageReachesOnlyItsTwoEnds() {
        Peer ada = network.start("ada");
        Peer alan = network.start("alan");
        Peer eve = network.start("eve");
        awaitLinked(ada, alan);
        awaitLinked(ada, eve);
        awaitLinked(alan, eve);
        List<ChatEvent> heard = new CopyOnWriteArrayList<>();
        eve.chats().subscribe(heard::add);

        ada.chats().direct().send(id(alan), "for alan only");
        await().atMost(WAIT).until(() -> alan.chats().direct().history(id(ada)).size() == 1);

        assertThat(eve.chats().direct().history(id(ada))).isEmpty();
        assertThat(eve.chats().direct().history(id(alan))).isEmpty();
        assertThat(heard).noneMatch(e -> e.toString().contains("for alan only"));
    }
}
