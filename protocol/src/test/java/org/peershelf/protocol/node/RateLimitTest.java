package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.config.RequestLimits;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.Events;
import org.peershelf.protocol.wire.LinkMessages.Ping;
import org.peershelf.protocol.wire.LinkMessages.Pong;
import org.peershelf.protocol.wire.ProtocolException;

/** A peer that sends faster than its limit is answered "rate-limited"; one that keeps flooding is dropped. */
@Tag("integration")
class RateLimitTest {
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void close() {
        nodes.close();
    }

    private PeerNode limitedServer(RequestLimits limits) {
        PeerNode node = new PeerNode(TestNodes.fastConfig().withRequestLimits(limits), DeviceIdentity.generate(), Runnable::run);
        node.start();
        return node;
    }

    private static List<CompletableFuture<Pong>> burst(PeerLink link, int count) {
        List<CompletableFuture<Pong>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(link.request(Events.PING, new Ping(i)));
        }
        return replies;
    }

    private static long rateLimited(List<CompletableFuture<Pong>> replies) {
        return replies.stream().filter(f -> {
            try {
                f.get(5, TimeUnit.SECONDS);
                return false;
            } catch (Exception e) {
                return e.getCause() instanceof ProtocolException p && ErrorCodes.RATE_LIMITED.equals(p.code());
            }
        }).count();
    }

    @Test
    void eventsBeyondTheBurstAreAnsweredRateLimitedAndTheLinkStays() throws Exception {
        try (PeerNode server = limitedServer(new RequestLimits(5, 20, 1000))) {
            PeerNode client = nodes.start();
            PeerLink link = client.dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS);

            long refused = rateLimited(burst(link, 60));

            assertThat(refused).isBetween(30L, 40L); // 20 of burst plus what refilled while they were in flight
            assertThat(link.isOpen()).isTrue();
            await().atMost(Duration.ofSeconds(3)).until(() -> {
                try {
                    return link.request(Events.PING, new Ping(1)).get(5, TimeUnit.SECONDS).sentNanos() == 1;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void aLinkThatKeepsFloodingIsDroppedAndHonestPeersAreStillServed() throws Exception {
        try (PeerNode server = limitedServer(new RequestLimits(5, 10, 100))) {
            PeerNode flooder = nodes.start();
            PeerLink link = flooder.dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS);

            burst(link, 400);

            await().atMost(Duration.ofSeconds(5)).until(() -> server.links().get(flooder.deviceId()).isEmpty());
            await().atMost(Duration.ofSeconds(5)).until(() -> !link.isOpen());
            PeerNode honest = nodes.start();
            PeerLink honestLink = honest.dial(server.deviceId(), "127.0.0.1", server.port()).get(5, TimeUnit.SECONDS);
            assertThat(honestLink.request(Events.PING, new Ping(42)).get(5, TimeUnit.SECONDS).sentNanos()).isEqualTo(42);
        }
    }
}
