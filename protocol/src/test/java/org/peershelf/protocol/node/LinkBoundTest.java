package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.wire.EventType;

@Tag("integration")
class LinkBoundTest {
    record Echo(String text) {
    }

    static final EventType<Echo, Echo> ECHO = EventType.of("test.echo", Echo.class, Echo.class);

    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    private PeerNode node(int maxLinks) {
        PeerNode node = nodes.create(TestNodes.fastConfig().withMaxLinks(maxLinks), DeviceIdentity.generate());
        node.router().registerSync(ECHO, (link, echo) -> echo);
        node.start();
        return node;
    }

    @Test
    void beyondTheBoundTheLeastRecentlyUsedLinkClosesAndItsPeerIsToldNotToRedial() throws Exception {
        PeerNode bounded = node(2);
        PeerNode used = node(64);
        PeerNode idle = node(64);
        PeerNode newcomer = node(64);
        List<NodeEvent.LinkDown> idleSaw = new CopyOnWriteArrayList<>();
        idle.subscribe(event -> {
            if (event instanceof NodeEvent.LinkDown down) {
                idleSaw.add(down);
            }
        });

        bounded.dial(idle.deviceId(), "127.0.0.1", idle.port()).get(15, TimeUnit.SECONDS);
        PeerLink toUsed = bounded.dial(used.deviceId(), "127.0.0.1", used.port()).get(15, TimeUnit.SECONDS);
        PeerLink toIdle = bounded.links().get(idle.deviceId()).orElseThrow();
        toUsed.request(ECHO, new Echo("still here")).get(5, TimeUnit.SECONDS);
        // latency pings then run on both links; they must not make the idle link look used
        long pingsBefore = toIdle.rtt().samples();
        await().atMost(Duration.ofSeconds(5)).until(() -> toIdle.rtt().samples() > pingsBefore);

        newcomer.dial(bounded.deviceId(), "127.0.0.1", bounded.port()).get(15, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(remotes(bounded)).isEqualTo(Set.of(used.deviceId(), newcomer.deviceId()));
            assertThat(idleSaw).singleElement().satisfies(down -> {
                assertThat(down.peer()).isEqualTo(bounded.deviceId());
                assertThat(down.peerLeft()).as("told by a goodbye, so it neither redials nor votes").isTrue();
            });
        });
        assertThat(bounded.links().all()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aLinkClosedForTheBoundOpensAgainOnDemand() throws Exception {
        PeerNode bounded = node(1);
        PeerNode first = node(64);
        PeerNode second = node(64);

        bounded.dial(first.deviceId(), "127.0.0.1", first.port()).get(15, TimeUnit.SECONDS);
        bounded.dial(second.deviceId(), "127.0.0.1", second.port()).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> remotes(bounded).equals(Set.of(second.deviceId())));

        PeerLink again = bounded.dial(first.deviceId(), "127.0.0.1", first.port()).get(15, TimeUnit.SECONDS);

        assertThat(again.request(ECHO, new Echo("back")).get(5, TimeUnit.SECONDS).text()).isEqualTo("back");
        await().atMost(Duration.ofSeconds(5)).until(() -> remotes(bounded).equals(Set.of(first.deviceId())));
    }

    private static Set<DeviceId> remotes(PeerNode node) {
        return node.links().all().stream().map(PeerLink::remote).collect(Collectors.toSet());
    }
}
