package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.EventType;
import org.peershelf.protocol.wire.ProtocolException;

/** Over a live TLS link: a payload over the limit is refused with too-large; a frame far over it drops only that link. */
@Tag("integration")
class SizeLimitTest {
    record Echo(String text) {
    }

    static final EventType<Echo, Echo> ECHO = EventType.of("test.echo", Echo.class, Echo.class);
    private static final int LIMIT = 4096;
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void close() {
        nodes.close();
    }

    private PeerNode smallServer() {
        NodeConfig d = TestNodes.fastConfig();
        NodeConfig config = new NodeConfig(d.bindHost(), d.advertisedHost(), 0, d.maxLinks(), d.heartbeatInterval(),
                d.staleAfterBeats(), d.voteRatio(), d.pingInterval(), d.requestTimeout(), d.dialTimeout(), LIMIT, false, d.connectionLimits(),
                d.requestLimits());
        PeerNode node = nodes.create(config, DeviceIdentity.generate());
        node.router().registerSync(ECHO, (link, echo) -> echo);
        node.start();
        return node;
    }

    @Test
    void aPayloadOverTheLimitIsRefusedAndTheLinkStays() throws Exception {
        PeerNode server = smallServer();
        PeerLink link = nodes.start().dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> link.request(ECHO, new Echo("x".repeat(LIMIT + 10))).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.TOO_LARGE));
        assertThat(link.request(ECHO, new Echo("small")).get(5, TimeUnit.SECONDS).text()).isEqualTo("small");
    }

    @Test
    void aFrameFarOverTheLimitDropsThatLinkAndThePeerServesOthers() throws Exception {
        PeerNode server = smallServer();
        PeerNode sender = nodes.start();
        PeerLink link = sender.dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS);

        link.request(ECHO, new Echo("x".repeat(LIMIT * 4)));

        await().atMost(Duration.ofSeconds(10)).until(() -> !link.isOpen());
        PeerLink other = nodes.start().dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS);
        assertThat(other.request(ECHO, new Echo("still here")).get(5, TimeUnit.SECONDS).text()).isEqualTo("still here");
    }
}
