package org.peershelf.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.testing.NodeProcess;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatConfig;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.RoomRecord;

/**
 * The host of a room runs in its own OS process and is killed with SIGKILL while the members keep talking. The
 * member with the lowest latency score must take over, every accepted message must reach every member exactly
 * once and in one order, and the old host, started again, must rejoin as a member and get what it missed.
 */
@Tag("integration")
class ChatFailoverIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    final ChatNetwork network = new ChatNetwork();

    @TempDir
    Path temp;

    @Test
    void killedHostIsReplacedByTheLowestLatencyMemberAndNoAcceptedMessageIsLost() throws Exception {
        ChatConfig base = ChatConfig.from(ChatNetwork.config());
        // on loopback every RTT is about the same; penalties make the expected winner unambiguous
        Peer b = network.start("b", base.withHostPenalty(50));
        Peer c = network.start("c", base.withHostPenalty(0));
        Peer d = network.start("d", base.withHostPenalty(50));
        List<Peer> members = List.of(b, c, d);
        Path hostProfile = temp.resolve("host");
        String room;
        DeviceId hostId;
        Map<Peer, List<String>> accepted = new HashMap<>();
        List<String> hostAccepted = new ArrayList<>();
        try (NodeProcess host = NodeProcess.start(hostProfile, network.uri(), "host", ChatNetwork.HEARTBEAT, "--chat-console")) {
            hostId = host.awaitOnline(WAIT);
            await().atMost(WAIT).until(() -> members.stream().allMatch(p -> p.node().links().all().size() == 3));
            int from = host.size();
            host.send("create Failover " + members.stream().map(p -> p.node().deviceId().value())
                    .collect(Collectors.joining(" ")));
            room = host.await(from, l -> l.startsWith("ROOM id="), WAIT).replaceAll("ROOM id=(\\S+).*", "$1");
            await().atMost(WAIT).until(() -> members.stream().allMatch(p -> ChatIntegrationTest.knows(p, room)));
            for (int i = 0; i < 5; i++) {
                host.send("say " + room + " host-" + i);
                hostAccepted.add("host-" + i);
            }
            host.await(0, l -> l.startsWith("ACCEPTED room=" + room + " senderSeq=5"), WAIT);
            // scores are shared every heartbeat; let every member hear the others'
            await().atMost(WAIT).until(() -> members.stream().allMatch(p -> p.chats().rooms().history(room).size() >= 5));
            Thread.sleep(3 * ChatNetwork.HEARTBEAT.toMillis());

            AtomicBoolean talking = new AtomicBoolean(true);
            List<Thread> talkers = new ArrayList<>();
            for (Peer p : members) {
                List<String> mine = new CopyOnWriteArrayList<>();
                accepted.put(p, mine);
                Thread t = new Thread(() -> {
                    for (int i = 0; talking.get(); i++) {
                        String text = p.presence().self().shortForm() + "-" + i;
                        p.chats().rooms().say(room, text);
                        mine.add(text);
                        sleep(40);
                    }
                });
                t.start();
                talkers.add(t);
            }
            await().atMost(WAIT).until(() -> c.chats().rooms().history(room).size() >= 20);
            host.kill();

            await().atMost(WAIT).until(() -> c.chats().rooms().summary(room).host().equals(c.node().deviceId()));
            long epoch = c.chats().rooms().summary(room).epoch();
            await().atMost(WAIT).until(() -> c.chats().rooms().history(room).stream().anyMatch(l -> l.epoch() == epoch));
            sleep(500); // members keep talking through the new host for a while
            talking.set(false);
            for (Thread t : talkers) {
                t.join();
            }
        }

        assertThat(network.newRegistryClient().findRoom(room)).map(RoomRecord::currentHost).contains(c.node().deviceId());
        List<String> everything = new ArrayList<>();
        accepted.values().forEach(everything::addAll);
        await().atMost(WAIT).until(() -> members.stream().allMatch(p -> p.chats().rooms().pending(room) == 0)
                && members.stream().allMatch(p -> p.chats().rooms().history(room).size() == c.chats().rooms().history(room).size()));
        List<RoomLine> reference = c.chats().rooms().history(room);
        assertExactlyOnceInOneOrder(reference, everything);
        for (Peer p : members) {
            assertThat(p.chats().rooms().history(room)).isEqualTo(reference);
        }

        // the old host comes back: it follows the new host and gets what it missed
        try (NodeProcess returning = NodeProcess.start(hostProfile, network.uri(), "host", ChatNetwork.HEARTBEAT, "--chat-console")) {
            assertThat(returning.awaitOnline(WAIT)).isEqualTo(hostId);
            List<String> all = new ArrayList<>(everything);
            all.addAll(hostAccepted);
            await().atMost(WAIT).until(() -> c.chats().rooms().history(room).stream().map(RoomLine::text)
                    .collect(Collectors.toSet()).containsAll(hostAccepted));
            List<RoomLine> finalReference = c.chats().rooms().history(room);
            assertExactlyOnceInOneOrder(finalReference, all);
            await().atMost(WAIT).until(() -> historyOf(returning, room).size() == finalReference.size());
            assertThat(historyOf(returning, room)).isEqualTo(finalReference.stream().map(ChatFailoverIntegrationTest::format).toList());
        }
    }

    private static void assertExactlyOnceInOneOrder(List<RoomLine> history, List<String> acceptedTexts) {
        assertThat(history).extracting(RoomLine::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
        List<String> texts = history.stream().map(RoomLine::text).toList();
        assertThat(texts).doesNotHaveDuplicates().containsAll(acceptedTexts);
    }

    private static List<String> historyOf(NodeProcess process, String room) throws Exception {
        return process.ask("history " + room, l -> l.equals("END room=" + room), WAIT).stream()
                .filter(l -> l.startsWith("LINE room=" + room + " ")).map(l -> l.substring(("LINE room=" + room + " ").length()))
                .toList();
    }

    private static String format(RoomLine line) {
        return "seq=" + line.seq() + " epoch=" + line.epoch() + " from=" + line.sender() + " senderSeq="
                + line.senderSeq() + " text=" + line.text();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
