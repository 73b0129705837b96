package org.peershelf.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.testing.NodeProcess;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.Registry;

/** Real peers on loopback against the embedded registry over TCP with the real MongoDB driver. */
@Tag("integration")
class NetworkIntegrationTest {
    private static final Duration FAST = Duration.ofMillis(500);
    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @TempDir
    Path temp;

    @Test
    void fivePeersReachAFullMesh() {
        List<Peer> peers = List.of("ada", "alan", "grace", "edsger", "barbara").stream()
                .map(name -> network.startPeer(name, TestNetwork.config(FAST))).toList();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (Peer peer : peers) {
                Set<DeviceId> others = peers.stream().filter(p -> p != peer).map(p -> p.node().deviceId())
                        .collect(Collectors.toSet());
                assertThat(ids(peer.presence().view())).isEqualTo(others);
                assertThat(peer.node().links().all().stream().map(l -> l.remote()).collect(Collectors.toSet()))
                        .isEqualTo(others);
            }
        });
    }

    @Test
    void peerStoppedCleanlyDisappearsFromTheOnlineListAtOnce() {
        // a slow heartbeat, so only the clean exit (not heartbeat expiry) can explain a quick removal
        Duration slow = Duration.ofSeconds(10);
        Peer stays = network.startPeer("stays", TestNetwork.config(slow));
        Peer leaves = network.startPeer("leaves", TestNetwork.config(slow));
        Registry observer = network.newRegistryClient();
        await().atMost(Duration.ofSeconds(10)).until(() -> stays.node().links().get(leaves.node().deviceId()).isPresent());

        leaves.close();

        assertThat(ids(observer.onlineDevices(0))).doesNotContain(leaves.node().deviceId());
        await().atMost(Duration.ofSeconds(2)).until(() -> !ids(stays.presence().view()).contains(leaves.node().deviceId()));
    }

    @Test
    void peerKilledAbruptlyIsVotedOutByTheOthers() throws Exception {
        // others heartbeat slowly: the killed peer's entry can only vanish from the registry through votes
        Duration slow = Duration.ofSeconds(5);
        List<Peer> peers = List.of(network.startPeer("p1", TestNetwork.config(slow)),
                network.startPeer("p2", TestNetwork.config(slow)), network.startPeer("p3", TestNetwork.config(slow)));
        Registry observer = network.newRegistryClient();
        try (NodeProcess victim = NodeProcess.start(temp.resolve("victim"), network.uri(), "victim", slow)) {
            DeviceId victimId = victim.awaitOnline(Duration.ofSeconds(30));
            for (Peer peer : peers) {
                peer.presence().refreshSoon();
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (Peer peer : peers) {
                    assertThat(peer.node().links().get(victimId)).isPresent();
                }
            });

            victim.kill();

            await().atMost(Duration.ofSeconds(10)).until(() -> !ids(observer.onlineDevices(0)).contains(victimId));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (Peer peer : peers) {
                    assertThat(ids(peer.presence().view())).doesNotContain(victimId);
                }
            });
        }
    }

    @Test
    void liveDeviceVotedOutAnnouncesItselfAgain() {
        Peer target = network.startPeer("target", TestNetwork.config(FAST));
        Peer v1 = network.startPeer("voter1", TestNetwork.config(FAST));
        Peer v2 = network.startPeer("voter2", TestNetwork.config(FAST));
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        target.node().subscribe(events::add);
        Registry registry = network.newRegistryClient();
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.onlineDevices(0).size() == 3);
        long oldEpoch = target.presence().epoch();

        registry.voteAgainst(target.node().deviceId(), oldEpoch, v1.node().deviceId(), 0.5, 0);
        var outcome = registry.voteAgainst(target.node().deviceId(), oldEpoch, v2.node().deviceId(), 0.5, 0);
        assertThat(outcome.removed()).isTrue();

        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
            OnlineDevice back = registry.onlineDevices(0).stream()
                    .filter(d -> d.deviceId().equals(target.node().deviceId())).findFirst().orElseThrow();
            assertThat(back.epoch()).isGreaterThan(oldEpoch);
            assertThat(back.voters()).isEmpty();
        });
        // the event follows the registry write it reports
        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof NodeEvent.Reannounced));
    }

    private static Set<DeviceId> ids(List<OnlineDevice> devices) {
        return devices.stream().map(OnlineDevice::deviceId).collect(Collectors.toSet());
    }
}
