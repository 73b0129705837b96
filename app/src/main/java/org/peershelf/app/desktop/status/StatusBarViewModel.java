package org.peershelf.app.desktop.status;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.peershelf.app.desktop.network.NetworkView;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.resource.publish.OutboxEvent;

/**
 * The status bar: is the registry connected (and why not), how many peers are online, and whether the
 * device is leaving the network, and what the registry outbox still holds, and how many downloads run. UI thread only.
 */
public final class StatusBarViewModel {
    private final NetworkView network;
    private final ReadOnlyObjectWrapper<RegistryStatus> registryStatus = new ReadOnlyObjectWrapper<>(RegistryStatus.CONNECTING);
    private final ReadOnlyStringWrapper registryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper peersOnline = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper peersText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outboxText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper transfersText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper leaving = new ReadOnlyBooleanWrapper(false);
    private Runnable unsubscribe = () -> {
    };

    public StatusBarViewModel(NetworkView network) {
        this.network = network;
    }

    public void start() {
        unsubscribe = network.subscribe(this::onEvent);
        if (network.registryReachable()) {
            setRegistry(RegistryStatus.CONNECTED, "Connected to " + network.registryDescription());
        } else {
            setRegistry(RegistryStatus.CONNECTING, "Connecting to the " + network.registryDescription() + " …");
        }
        setPeers(network.online().size());
    }

    public void stop() {
        unsubscribe.run();
    }

    void onEvent(NodeEvent event) {
        if (leaving.get()) {
            return;
        }
        if (event instanceof NodeEvent.RegistryStateChanged state) {
            if (state.reachable()) {
                setRegistry(RegistryStatus.CONNECTED, state.message());
            } else {
                setRegistry(RegistryStatus.UNREACHABLE, "Registry unreachable: " + state.message() + " Retrying.");
            }
        } else if (event instanceof NodeEvent.OnlineViewChanged view) {
            setPeers(view.online().size());
        }
    }

    /** The registry outbox: how many publishing changes wait for the registry, and why. */
    public void onOutbox(OutboxEvent event) {
        if (event instanceof OutboxEvent.OutboxChanged changed) {
            if (changed.pending() == 0) {
                outboxText.set("");
            } else {
                String count = changed.pending() == 1 ? "1 change" : changed.pending() + " changes";
                outboxText.set(count + " waiting for the registry" + (changed.registryReachable() ? "" : " (offline)"));
            }
        }
    }

    /** How many downloads are fetching right now. */
    public void setTransfersRunning(int count) {
        transfersText.set(count == 0 ? "" : count == 1 ? "1 download running" : count + " downloads running");
    }

    /** The device is taking itself offline; the bar says so until the window closes. */
    public void markLeaving() {
        leaving.set(true);
        registryText.set("Leaving the network …");
    }

    private void setRegistry(RegistryStatus status, String text) {
        registryStatus.set(status);
        registryText.set(text);
    }

    private void setPeers(int count) {
        peersOnline.set(count);
        peersText.set(count == 0 ? "No peers online" : count == 1 ? "1 peer online" : count + " peers online");
    }

    public ReadOnlyObjectProperty<RegistryStatus> registryStatusProperty() {
        return registryStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty registryTextProperty() {
        return registryText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty peersOnlineProperty() {
        return peersOnline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty peersTextProperty() {
        return peersText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty transfersTextProperty() {
        return transfersText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outboxTextProperty() {
        return outboxText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty leavingProperty() {
        return leaving.getReadOnlyProperty();
    }
}
