package org.peershelf.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatConfig;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.config.RequestLimits;
import org.peershelf.protocol.node.NodeEvent;

/**
 * A member whose posts run into the host's request limit: it backs off instead of re-sending every unconfirmed post
 * with each new message, is never dropped as a flooder, and no message is lost when the limiter refuses one post and
 * admits the next (the host must not number the later one first and take the earlier one for a copy).
 */
@Tag("integration")
class RoomPostFlowIntegrationTest {
    private static final int MESSAGES = 150;
    @RegisterExtension
    final ChatNetwork network = new ChatNetwork();

    @Test
    void aRateLimitedMemberBacksOffAndLosesNothing() {
        // 40 events/s with a burst of 8; 60 refusals in a row would drop the link as a flooder
        NodeConfig strict = ChatNetwork.config().withRequestLimits(new RequestLimits(40, 8, 60));
        Peer host = network.start("strict-host", strict, ChatConfig.from(strict));
        Peer member = network.start("busy-member");
        ChatIntegrationTest.awaitLinked(host, member);
        List<NodeEvent.LinkDown> hostLinksLost = new CopyOnWriteArrayList<>();
        host.node().events().subscribe(e -> {
            if (e instanceof NodeEvent.LinkDown down) {
                hostLinksLost.add(down);
            }
        });
        String room = host.chats().rooms().create("Limited", List.of(ChatIntegrationTest.id(member)));
        await().atMost(Duration.ofSeconds(20)).until(() -> ChatIntegrationTest.knows(member, room));

        List<String> said = IntStream.range(0, MESSAGES).mapToObj(i -> "burst #" + i).toList();
        said.forEach(text -> member.chats().rooms().say(room, text));

        // 150 posts at 40/s take about 4 s; the pings and scores on the link share the budget
        await().atMost(Duration.ofSeconds(30)).until(() -> member.chats().rooms().pending(room) == 0
                && host.chats().rooms().history(room).size() >= MESSAGES);
        List<RoomLine> history = host.chats().rooms().history(room);
        assertThat(ChatIntegrationTest.texts(history)).as("every message once, in the order it was said")
                .containsExactlyElementsOf(said);
        assertThat(hostLinksLost).as("an honest member backs off long before it counts as flooding").isEmpty();
    }
}
