package org.peershelf.app.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peershelf.app.desktop.network.FakeNetwork;
import org.peershelf.protocol.node.NodeEvent;

class StatusBarViewModelTest {
    private final FakeNetwork network = new FakeNetwork();
    private final StatusBarViewModel model = new StatusBarViewModel(network);

    @Test
    void startsAsConnectingUntilTheRegistryAnswers() {
        model.start();

        assertThat(model.registryStatusProperty().get()).isEqualTo(RegistryStatus.CONNECTING);
        assertThat(model.registryTextProperty().get()).isEqualTo("Connecting to the embedded registry on 127.0.0.1:27027 …");
        assertThat(model.peersTextProperty().get()).isEqualTo("No peers online");
    }

    @Test
    void startsAsConnectedWhenTheRegistryAnsweredBeforeTheWindowOpened() {
        network.reachable = true;
        model.start();

        assertThat(model.registryStatusProperty().get()).isEqualTo(RegistryStatus.CONNECTED);
        assertThat(model.registryTextProperty().get()).isEqualTo("Connected to embedded registry on 127.0.0.1:27027");
    }

    @Test
    void registryEventsSwitchBetweenConnectedAndUnreachableWithTheReason() {
        model.start();
        network.emit(new NodeEvent.RegistryStateChanged(true, "Connected to registry at lab:27017"));
        assertThat(model.registryStatusProperty().get()).isEqualTo(RegistryStatus.CONNECTED);
        assertThat(model.registryTextProperty().get()).isEqualTo("Connected to registry at lab:27017");

        network.emit(new NodeEvent.RegistryStateChanged(false, "The registry at lab:27017 refused the connection."));
        assertThat(model.registryStatusProperty().get()).isEqualTo(RegistryStatus.UNREACHABLE);
        assertThat(model.registryTextProperty().get())
                .isEqualTo("Registry unreachable: The registry at lab:27017 refused the connection. Retrying.");
    }

    @Test
    void countsPeersOnline() {
        model.start();
        network.goOnline(List.of(network.newDevice("Grace Hopper", "Yale")));
        assertThat(model.peersTextProperty().get()).isEqualTo("1 peer online");

        network.goOnline(List.of(network.newDevice("Grace Hopper", "Yale"), network.newDevice("Alan Turing", "Manchester")));
        assertThat(model.peersOnlineProperty().get()).isEqualTo(2);
        assertThat(model.peersTextProperty().get()).isEqualTo("2 peers online");
    }

    @Test
    void leavingStaysOnScreenWhateverTheNetworkSaysMeanwhile() {
        model.start();
        model.markLeaving();
        network.emit(new NodeEvent.RegistryStateChanged(false, "gone"));

        assertThat(model.leavingProperty().get()).isTrue();
        assertThat(model.registryTextProperty().get()).isEqualTo("Leaving the network …");
    }
}
