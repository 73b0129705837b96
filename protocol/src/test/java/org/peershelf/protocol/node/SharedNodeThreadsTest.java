package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.LinkMessages.Ping;

/** Several nodes of one process on one set of threads: closing one leaves the others working. */
@Tag("integration")
class SharedNodeThreadsTest {
    @Test
    void closingANodeOnSharedThreadsClosesItsPortAndLinksButNotTheOtherNodes() throws Exception {
        try (NodeThreads threads = NodeThreads.start()) {
            PeerNode a = node(threads);
            PeerNode b = node(threads);
            PeerNode c = node(threads);
            try {
                PeerLink ab = a.dial(b.deviceId(), "127.0.0.1", b.port()).get(10, TimeUnit.SECONDS);
                PeerLink ca = c.dial(a.deviceId(), "127.0.0.1", a.port()).get(10, TimeUnit.SECONDS);
                assertThat(ab.request(Events.PING, new Ping(1)).get(5, TimeUnit.SECONDS).sentNanos()).isEqualTo(1);

                int closedPort = b.port();
                b.close();

                await().atMost(Duration.ofSeconds(10)).until(() -> a.links().get(b.deviceId()).isEmpty());
                assertThatThrownBy(() -> new Socket("127.0.0.1", closedPort).close())
                        .as("the closed node's port no longer accepts").isInstanceOf(ConnectException.class);
                assertThat(ca.request(Events.PING, new Ping(2)).get(5, TimeUnit.SECONDS).sentNanos())
                        .as("a link between the remaining nodes, accepted and dialled on the shared loops").isEqualTo(2);
                PeerLink ac = a.links().get(c.deviceId()).orElseThrow();
                assertThat(ac.request(Events.PING, new Ping(3)).get(5, TimeUnit.SECONDS).sentNanos()).isEqualTo(3);
            } finally {
                List.of(a, b, c).forEach(PeerNode::close);
            }
        }
    }

    private static PeerNode node(NodeThreads threads) {
        PeerNode node = new PeerNode(TestNodes.fastConfig(), DeviceIdentity.generate(), Runnable::run, threads);
        node.start();
        return node;
    }
}
