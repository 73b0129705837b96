package org.peershelf.app.desktop.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peershelf.app.desktop.network.FakeNetwork;
import org.peershelf.app.desktop.network.LinkSnapshot;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.OnlineDevice;

class PeersViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private final FakeNetwork network = new FakeNetwork();
    private PeersViewModel model;

    @BeforeEach
    void start() {
        model = new PeersViewModel(network, new BackgroundTasks(DIRECT, DIRECT));
        model.start();
    }

    @Test
    void showsThisDeviceAndNoPeersAtFirst() {
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("No other device is online right now.");
        assertThat(model.deviceId()).isEqualTo(network.self().value());
        assertThat(model.port()).isEqualTo(45678);
        assertThat(model.selfName()).isEqualTo("Ada Lovelace");
        assertThat(model.registryProperty().get()).contains("embedded registry on 127.0.0.1:27027", "connecting");
    }

    @Test
    void onlineViewChangeAddsRowsWithOwnersFromTheRegistrySortedByName() {
        OnlineDevice grace = network.newDevice("Grace Hopper", "Yale");
        OnlineDevice alan = network.newDevice("Alan Turing", "Manchester");

        network.goOnline(List.of(grace, alan));

        assertThat(model.rows()).extracting(PeerRow::displayName).containsExactly("Alan Turing", "Grace Hopper");
        assertThat(model.rows()).extracting(PeerRow::institution).containsExactly("Manchester", "Yale");
        assertThat(model.rows().get(0).link()).isEqualTo(PeerRow.LinkState.NOT_LINKED);
        assertThat(model.summaryProperty().get()).isEqualTo("2 devices online, 0 linked");
    }

    @Test
    void linkUpShowsLinkStateAndRoundTripTime() {
        OnlineDevice grace = network.newDevice("Grace Hopper", "Yale");
        network.goOnline(List.of(grace));

        network.links.put(grace.deviceId(), new LinkSnapshot(true, Double.NaN));
        network.emit(new NodeEvent.LinkUp(grace.deviceId(), true));
        assertThat(model.rows().get(0).link()).isEqualTo(PeerRow.LinkState.DIALLED);
        assertThat(model.rows().get(0).rttText()).isEqualTo("measuring…");

        network.links.put(grace.deviceId(), new LinkSnapshot(true, 1.25));
        model.refreshLinks();
        assertThat(model.rows().get(0).rttText()).isEqualTo("1.3 ms");
        assertThat(model.summaryProperty().get()).isEqualTo("1 device online, 1 linked");
    }

    @Test
    void linkDownAndLeavingRemoveTheLinkThenTheRow() {
        OnlineDevice grace = network.newDevice("Grace Hopper", "Yale");
        network.links.put(grace.deviceId(), new LinkSnapshot(false, 0.8));
        network.goOnline(List.of(grace));
        assertThat(model.rows().get(0).link()).isEqualTo(PeerRow.LinkState.ACCEPTED);

        network.links.remove(grace.deviceId());
        network.emit(new NodeEvent.LinkDown(grace.deviceId(), "peer left", true));
        assertThat(model.rows().get(0).link()).isEqualTo(PeerRow.LinkState.NOT_LINKED);
        assertThat(model.rows().get(0).rttText()).isEqualTo("—");

        network.goOnline(List.of());
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void withTheRegistryDownADeviceShowsItsIdUntilTheRegistryAnswers() {
        network.registryDown = true;
        OnlineDevice grace = network.newDevice("Grace Hopper", "Yale");
        network.goOnline(List.of(grace));
        assertThat(model.rows().get(0).displayName()).isEqualTo("device " + grace.deviceId().shortForm());

        network.registryDown = false;
        network.emit(new NodeEvent.RegistryStateChanged(true, "Connected to the registry"));

        assertThat(model.rows().get(0).displayName()).isEqualTo("Grace Hopper");
        assertThat(model.registryProperty().get()).endsWith("connected");
    }

    @Test
    void ownersAreLookedUpOnceAndCached() {
        OnlineDevice grace = network.newDevice("Grace Hopper", "Yale");
        network.goOnline(List.of(grace));
        network.goOnline(List.of(grace));
        network.emit(new NodeEvent.RegistryStateChanged(true, "Connected"));

        assertThat(network.lookups.get()).isEqualTo(1);
    }

    @Test
    void registryOutageIsShownWithItsReason() {
        network.emit(new NodeEvent.RegistryStateChanged(false, "The registry at 127.0.0.1:27027 does not answer."));

        assertThat(model.registryProperty().get()).contains("unreachable", "does not answer");
    }

    @Test
    void stopUnsubscribesFromNodeEvents() {
        model.stop();

        assertThat(network.listenerCount()).isZero();
    }
}
