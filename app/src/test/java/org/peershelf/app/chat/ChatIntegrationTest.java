package org.peershelf.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatException;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.direct.DirectChats.DirectLine;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.Registry;

/** Direct chats and rooms between real peers on loopback, with the embedded registry. */
@Tag("integration")
class ChatIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    final ChatNetwork network = new ChatNetwork();

    static DeviceId id(Peer peer) {
        return peer.node().deviceId();
    }

    static void awaitLinked(Peer a, Peer b) {
        await().atMost(WAIT).until(() -> a.node().links().get(id(b)).isPresent() && b.node().links().get(id(a)).isPresent());
    }

    static boolean knows(Peer peer, String roomId) {
        return peer.chats().rooms().list().stream().anyMatch(r -> r.roomId().equals(roomId));
    }

    static List<String> texts(List<RoomLine> lines) {
        return lines.stream().map(RoomLine::text).toList();
    }

    @Test
    void directChatWorksBothWaysAndReachesAPeerThatWasOffline() {
        Peer ada = network.start("ada");
        Peer alan = network.start("alan");
        awaitLinked(ada, alan);
        List<ChatEvent> adaEvents = new CopyOnWriteArrayList<>();
        ada.chats().subscribe(adaEvents::add);

        long first = ada.chats().direct().send(id(alan), "hello alan");
        alan.chats().direct().send(id(ada), "hello ada");

        await().atMost(WAIT).until(() -> alan.chats().direct().history(id(ada)).size() == 2
                && ada.chats().direct().history(id(alan)).size() == 2);
        await().atMost(WAIT).until(() -> adaEvents.contains(new ChatEvent.DirectDelivered(id(alan), first)));
        assertThat(ada.chats().direct().history(id(alan))).extracting(DirectLine::text)
                .containsExactlyInAnyOrder("hello alan", "hello ada");

        DeviceId alanId = id(alan);
        network.stop("alan");
        for (int i = 1; i <= 3; i++) {
            ada.chats().direct().send(alanId, "while you were away " + i);
        }
        Peer back = network.start("alan");

        await().atMost(WAIT).until(() -> back.chats().direct().history(id(ada)).size() == 5);
        List<String> texts = back.chats().direct().history(id(ada)).stream().map(DirectLine::text).toList();
        assertThat(texts.subList(0, 2)).containsExactlyInAnyOrder("hello alan", "hello ada");
        assertThat(texts.subList(2, 5)).as("kept across the restart, then the queue in order")
                .containsExactly("while you were away 1", "while you were away 2", "while you were away 3");
        await().atMost(WAIT).until(() -> ada.chats().direct().history(alanId).stream().allMatch(DirectLine::delivered));
    }

    @Test
    void roomOfFiveDeliversEveryMembersMessagesInOneOrderEverywhere() {
        List<Peer> peers = IntStream.range(0, 5).mapToObj(i -> network.start("m" + i)).toList();
        Peer host = peers.get(0);
        peers.subList(1, 5).forEach(p -> awaitLinked(host, p));
        String room = host.chats().rooms().create("Five", peers.subList(1, 5).stream().map(ChatIntegrationTest::id).toList());
        await().atMost(WAIT).until(() -> peers.stream().allMatch(p -> knows(p, room)));

        peers.parallelStream().forEach(p -> {
            for (int i = 0; i < 10; i++) {
                p.chats().rooms().say(room, p.presence().self().shortForm() + " #" + i);
            }
        });

        await().atMost(WAIT).until(() -> peers.stream().allMatch(p -> p.chats().rooms().history(room).size() == 50));
        List<RoomLine> reference = host.chats().rooms().history(room);
        assertThat(reference).extracting(RoomLine::seq).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 50).mapToObj(Long::valueOf).toList());
        assertThat(texts(reference)).doesNotHaveDuplicates();
        for (Peer p : peers) {
            assertThat(p.chats().rooms().history(room)).isEqualTo(reference);
            List<String> own = texts(reference).stream().filter(t -> t.startsWith(p.presence().self().shortForm())).toList();
            assertThat(own).as("each sender's messages keep their order")
                    .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> p.presence().self().shortForm() + " #" + i).toList());
            await().atMost(WAIT).until(() -> p.chats().rooms().pending(room) == 0);
        }
    }

    @Test
    void memberOfflineDuringTwentyMessagesGetsThemAllInOrderAndKeepsItsHistory() {
        Peer host = network.start("host");
        Peer stays = network.start("stays");
        Peer away = network.start("away");
        awaitLinked(host, stays);
        awaitLinked(host, away);
        String room = host.chats().rooms().create("Lab", List.of(id(stays), id(away)));
        await().atMost(WAIT).until(() -> knows(stays, room) && knows(away, room));
        host.chats().rooms().say(room, "before");
        await().atMost(WAIT).until(() -> away.chats().rooms().history(room).size() == 1);

        network.stop("away");
        for (int i = 0; i < 20; i++) {
            (i % 2 == 0 ? host : stays).chats().rooms().say(room, "m" + i);
        }
        await().atMost(WAIT).until(() -> stays.chats().rooms().history(room).size() == 21);
        Peer back = network.start("away");

        await().atMost(WAIT).until(() -> knows(back, room) && back.chats().rooms().history(room).size() == 21);
        assertThat(back.chats().rooms().history(room)).isEqualTo(host.chats().rooms().history(room));
        assertThat(texts(back.chats().rooms().history(room))).first().isEqualTo("before");
        List<String> hostOrder = texts(host.chats().rooms().history(room));
        assertThat(hostOrder.stream().filter(t -> t.startsWith("m")).toList())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void onlyTheOriginalHostCanDeleteAndMembersKeepTheHistory() {
        Peer creator = network.start("creator");
        Peer member = network.start("member");
        awaitLinked(creator, member);
        String room = creator.chats().rooms().create("Journal club", List.of(id(member)));
        await().atMost(WAIT).until(() -> knows(member, room));
        member.chats().rooms().say(room, "first paper");
        await().atMost(WAIT).until(() -> creator.chats().rooms().history(room).size() == 1);
        List<ChatEvent> memberEvents = new CopyOnWriteArrayList<>();
        member.chats().subscribe(memberEvents::add);
        Registry observer = network.newRegistryClient();

        assertThatThrownBy(() -> member.chats().rooms().delete(room)).isInstanceOf(ChatException.class)
                .hasMessageContaining("Only the device that created");
        assertThat(observer.findRoom(room).orElseThrow().deleted()).isFalse();
        assertThat(member.chats().rooms().summary(room).deleted()).isFalse();

        creator.chats().rooms().delete(room);

        await().atMost(WAIT).until(() -> memberEvents.contains(new ChatEvent.RoomDeleted(room)));
        assertThat(member.chats().rooms().summary(room).deleted()).isTrue();
        assertThat(texts(member.chats().rooms().history(room))).containsExactly("first paper");
        assertThat(observer.findRoom(room).orElseThrow().deleted()).isTrue();
        assertThatThrownBy(() -> member.chats().rooms().say(room, "too late")).isInstanceOf(ChatException.class);
    }

    @Test
    void leaverStopsGettingMessagesAndMutedMemberStillStoresThem() {
        Peer host = network.start("host");
        Peer leaver = network.start("leaver");
        Peer muter = network.start("muter");
        awaitLinked(host, leaver);
        awaitLinked(host, muter);
        String room = host.chats().rooms().create("Quiet", List.of(id(leaver), id(muter)));
        await().atMost(WAIT).until(() -> knows(leaver, room) && knows(muter, room));
        List<ChatEvent> muterEvents = new CopyOnWriteArrayList<>();
        muter.chats().subscribe(muterEvents::add);

        leaver.chats().rooms().leave(room);
        muter.chats().rooms().mute(room, true);
        await().atMost(WAIT).until(() -> !host.chats().rooms().summary(room).members().contains(id(leaver)));
        host.chats().rooms().say(room, "after the leave");

        await().atMost(WAIT).until(() -> muter.chats().rooms().history(room).size() == 1);
        assertThat(leaver.chats().rooms().history(room)).isEmpty();
        assertThat(muterEvents).noneMatch(e -> e instanceof ChatEvent.RoomMessage);
        assertThat(network.newRegistryClient().findRoom(room).orElseThrow().members()).doesNotContain(id(leaver));
    }

    @Test
    void restartedHostKeepsHostingWithItsHistory() {
        Peer host = network.start("host");
        Peer member = network.start("member");
        awaitLinked(host, member);
        String room = host.chats().rooms().create("Persistent", List.of(id(member)));
        await().atMost(WAIT).until(() -> knows(member, room));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            member.chats().rooms().say(room, "kept " + i);
            sent.add("kept " + i);
        }
        await().atMost(WAIT).until(() -> host.chats().rooms().history(room).size() == 5);

        network.stop("host");
        network.stop("member");
        Peer host2 = network.start("host");
        Peer member2 = network.start("member");

        assertThat(texts(host2.chats().rooms().history(room))).containsExactlyElementsOf(sent);
        assertThat(texts(member2.chats().rooms().history(room))).containsExactlyElementsOf(sent);
        awaitLinked(host2, member2);
        member2.chats().rooms().say(room, "after restart");
        await().atMost(WAIT).until(() -> host2.chats().rooms().history(room).size() == 6
                && member2.chats().rooms().history(room).size() == 6);
        assertThat(host2.chats().rooms().history(room).get(5).seq()).isEqualTo(6);
    }

    @Test
    void encryptedChatLogsHideTheTextSurviveARestartAndRefuseAWrongPassphrase() throws Exception {
        org.peershelf.protocol.chat.ChatConfig base = org.peershelf.protocol.chat.ChatConfig.from(ChatNetwork.config());
        Peer host = network.start("vault", base.withPassphrase("correct horse".toCharArray()));
        Peer member = network.start("reader");
        awaitLinked(host, member);
        assertThat(host.chats().encrypted()).isTrue();
        String room = host.chats().rooms().create("Embargoed", List.of(id(member)));
        await().atMost(WAIT).until(() -> knows(member, room));
        member.chats().rooms().say(room, "the unpublished result");
        await().atMost(WAIT).until(() -> host.chats().rooms().history(room).size() == 1);
        network.stop("vault");

        java.nio.file.Path log = network.dataDir("vault").resolve("chats/rooms/" + room + "/log");
        assertThat(new String(java.nio.file.Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("unpublished");
        assertThatThrownBy(() -> network.start("vault", base.withPassphrase("wrong".toCharArray())))
                .isInstanceOf(org.peershelf.protocol.store.WrongPassphraseException.class)
                .hasMessageContaining("passphrase is wrong");
        Peer again = network.start("vault", base.withPassphrase("correct horse".toCharArray()));
        assertThat(texts(again.chats().rooms().history(room))).containsExactly("the unpublished result");
    }
}
