package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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

@Tag("integration")
class PeerLinkTest {
    /** As long as a dial may take (the handshake timeout), so a busy machine does not fail the test. */
    private static final long DIAL_SECONDS = NodeConfig.defaults().handshakeTimeout().toSeconds();
    record Echo(String text) {
    }

    static final EventType<Echo, Echo> ECHO = EventType.of("test.echo", Echo.class, Echo.class);

    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    private PeerNode echoNode() {
        PeerNode node = nodes.create(TestNodes.fastConfig(), DeviceIdentity.generate());
        node.router().registerSync(ECHO, (link, echo) -> new Echo(echo.text() + " from " + node.deviceId().shortForm()));
        node.start();
        return node;
    }

    @Test
    void linkWorksInBothDirectionsAfterHandshake() throws Exception {
        PeerNode a = echoNode();
        PeerNode b = echoNode();

        PeerLink aToB = a.dial(b.deviceId(), "127.0.0.1", b.port()).get(DIAL_SECONDS, TimeUnit.SECONDS);
        assertThat(aToB.request(ECHO, new Echo("hi")).get(5, TimeUnit.SECONDS).text())
                .isEqualTo("hi from " + b.deviceId().shortForm());

        await().atMost(Duration.ofSeconds(5)).until(() -> b.links().get(a.deviceId()).isPresent());
        PeerLink bToA = b.links().get(a.deviceId()).orElseThrow();
        assertThat(bToA.outbound()).isFalse();
        assertThat(bToA.request(ECHO, new Echo("back")).get(5, TimeUnit.SECONDS).text())
                .isEqualTo("back from " + a.deviceId().shortForm());
    }

    @Test
    void linksMeasureRoundTripTime() throws Exception {
        PeerNode a = echoNode();
        PeerNode b = echoNode();
        PeerLink link = a.dial(b.deviceId(), "127.0.0.1", b.port()).get(DIAL_SECONDS, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.rtt().samples() >= 2);
        assertThat(link.rtt().smoothedMillis()).isBetween(0.0, 1000.0);
    }

    @Test
    void theSmallerDevicePingsAndTheOtherLearnsTheRoundTripFromItsPings() throws Exception {
        PeerNode a = echoNode();
        PeerNode b = echoNode();
        a.dial(b.deviceId(), "127.0.0.1", b.port()).get(DIAL_SECONDS, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.links().get(a.deviceId()).isPresent());
        boolean aIsSmaller = a.deviceId().value().compareTo(b.deviceId().value()) < 0;
        PeerLink prober = (aIsSmaller ? a : b).links().get((aIsSmaller ? b : a).deviceId()).orElseThrow();
        PeerLink answerer = (aIsSmaller ? b : a).links().get((aIsSmaller ? a : b).deviceId()).orElseThrow();

        await().atMost(Duration.ofSeconds(8)).until(() -> answerer.rtt().samples() >= 2 && prober.rtt().samples() >= 2);
        long quiet = TimeUnit.SECONDS.toNanos(3);
        assertThat(LatencyProbe.probes(prober, quiet)).isTrue();
        assertThat(LatencyProbe.probes(answerer, quiet)).as("it hears the round trip, so it does not ping").isFalse();
        assertThat(answerer.nanosSinceRemoteRtt()).isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(answerer.rtt().smoothedMillis()).isBetween(0.0, 1000.0);
        // a remote that stops sharing (an older version, or hung) leaves the answerer to ping by itself
        assertThat(LatencyProbe.probes(answerer, 0)).isTrue();

        // a shared round trip far below what this side measured itself is not believed
        long quietBefore = prober.nanosSinceRemoteRtt();
        prober.recordRemoteRtt(0.0);
        assertThat(prober.nanosSinceRemoteRtt()).as("not taken as a shared round trip").isGreaterThanOrEqualTo(quietBefore);
    }

    @Test
    void dialingTheWrongDeviceIsRefused() {
        PeerNode a = echoNode();
        PeerNode b = echoNode();
        DeviceIdentity someoneElse = DeviceIdentity.generate();
        CompletableFuture<PeerLink> dial = a.dial(someoneElse.deviceId(), "127.0.0.1", b.port());
        assertThatThrownBy(() -> dial.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ProtocolException.class).hasMessageContaining("not");
        assertThat(a.links().all()).isEmpty();
    }

    @Test
    void dialingAClosedPortFailsAsUnreachable() throws Exception {
        PeerNode a = echoNode();
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CompletableFuture<PeerLink> dial = a.dial(DeviceIdentity.generate().deviceId(), "127.0.0.1", closedPort);
        assertThatThrownBy(() -> dial.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(PeerUnreachableException.class);
    }

    @Test
    void twoPeersDialingEachOtherAtOnceKeepOneLink() throws Exception {
        for (int round = 0; round < 5; round++) {
            PeerNode a = echoNode();
            PeerNode b = echoNode();
            CompletableFuture<PeerLink> ab = a.dial(b.deviceId(), "127.0.0.1", b.port());
            CompletableFuture<PeerLink> ba = b.dial(a.deviceId(), "127.0.0.1", a.port());
            PeerLink fromA = ab.get(DIAL_SECONDS, TimeUnit.SECONDS);
            PeerLink fromB = ba.get(DIAL_SECONDS, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(a.links().all()).hasSize(1);
                assertThat(b.links().all()).hasSize(1);
                // both sides keep the link dialled by the smaller device id
                PeerLink keptByA = a.links().all().get(0);
                PeerLink keptByB = b.links().all().get(0);
                assertThat(keptByA.dialler()).isEqualTo(keptByB.dialler());
                assertThat(keptByA.dialler()).isEqualTo(min(a, b));
            });
            assertThat(fromA.remote()).isEqualTo(b.deviceId());
            assertThat(fromB.remote()).isEqualTo(a.deviceId());
            PeerLink kept = a.links().all().get(0);
            assertThat(kept.request(ECHO, new Echo("still")).get(5, TimeUnit.SECONDS).text()).startsWith("still");
        }
    }

    @Test
    void linkDownIsReportedWhenThePeerStops() throws Exception {
        PeerNode a = echoNode();
        PeerNode b = echoNode();
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        a.subscribe(events::add);
        a.dial(b.deviceId(), "127.0.0.1", b.port()).get(DIAL_SECONDS, TimeUnit.SECONDS);
        b.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .anyMatch(e -> e instanceof NodeEvent.LinkDown down && down.peer().equals(b.deviceId())));
    }

    @Test
    void goodbyeMarksTheLinkDownAsExpected() throws Exception {
        PeerNode a = echoNode();
        PeerNode b = echoNode();
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        a.subscribe(events::add);
        a.dial(b.deviceId(), "127.0.0.1", b.port()).get(DIAL_SECONDS, TimeUnit.SECONDS);
        await().until(() -> b.links().get(a.deviceId()).isPresent());
        b.sayGoodbye("test over");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .anyMatch(e -> e instanceof NodeEvent.LinkDown down && down.peerLeft()));
    }

    @Test
    void unknownEventGetsAnErrorAndTheLinkStays() throws Exception {
        PeerNode a = echoNode();
        PeerNode b = nodes.start();  // has no echo handler
        PeerLink link = a.dial(b.deviceId(), "127.0.0.1", b.port()).get(DIAL_SECONDS, TimeUnit.SECONDS);
        assertThatThrownBy(() -> link.request(ECHO, new Echo("x")).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCodes.UNKNOWN_EVENT));
        assertThat(link.isOpen()).isTrue();
    }

    private static org.peershelf.protocol.identity.DeviceId min(PeerNode a, PeerNode b) {
        return a.deviceId().compareTo(b.deviceId()) < 0 ? a.deviceId() : b.deviceId();
    }
}
