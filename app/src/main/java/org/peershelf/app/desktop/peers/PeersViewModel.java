package org.peershelf.app.desktop.peers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.peershelf.app.desktop.network.LinkSnapshot;
import org.peershelf.app.desktop.network.NetworkView;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Peers tab: every online device with its owner, institution, link and round-trip time, plus this
 * device's own id, port and registry. Rebuilt from node events; owners are looked up in the registry off
 * the UI thread and cached; RTTs refresh when {@link #refreshLinks()} is called (once a second by the app).
 * All methods run on the UI thread.
 */
public final class PeersViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(PeersViewModel.class);

    private final NetworkView network;
    private final BackgroundTasks tasks;
    private final ObservableList<PeerRow> rows = FXCollections.observableArrayList();
    private final Map<UserId, UserRecord> users = new HashMap<>();
    private final Map<DeviceId, UserId> owners = new HashMap<>();
    private final ReadOnlyStringWrapper registry = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private boolean lookupRunning;
    private Runnable unsubscribe = () -> {
    };

    public PeersViewModel(NetworkView network, BackgroundTasks tasks) {
        this.network = network;
        this.tasks = tasks;
    }

    /** Subscribes to node events and shows what the device already knows (events before this are in that state). */
    public void start() {
        unsubscribe = network.subscribe(this::onEvent);
        registry.set(network.registryDescription() + (network.registryReachable() ? " — connected" : " — connecting…"));
        rebuild(network.online());
    }

    public void stop() {
        unsubscribe.run();
    }

    void onEvent(NodeEvent event) {
        if (event instanceof NodeEvent.OnlineViewChanged view) {
            rebuild(view.online());
        } else if (event instanceof NodeEvent.LinkUp || event instanceof NodeEvent.LinkDown) {
            refreshLinks();
        } else if (event instanceof NodeEvent.RegistryStateChanged state) {
            registry.set(network.registryDescription() + (state.reachable() ? " — connected" : " — unreachable: "
                    + state.message()));
            if (state.reachable()) {
                lookUpMissingUsers();
            }
        }
    }

    /** Re-reads every row's link state and RTT from the link table. */
    public void refreshLinks() {
        for (int i = 0; i < rows.size(); i++) {
            PeerRow row = rows.get(i);
            Optional<LinkSnapshot> link = network.link(row.deviceId());
            PeerRow updated = link.map(l -> row.withLink(l.outbound() ? PeerRow.LinkState.DIALLED
                    : PeerRow.LinkState.ACCEPTED, l.rttMillis())).orElse(row.withLink(PeerRow.LinkState.NOT_LINKED, Double.NaN));
            if (!sameDisplay(row, updated)) {
                rows.set(i, updated);
            }
        }
        updateSummary();
    }

    private void rebuild(List<OnlineDevice> online) {
        List<PeerRow> fresh = new ArrayList<>();
        for (OnlineDevice device : online) {
            owners.put(device.deviceId(), device.userId());
            UserRecord user = users.get(device.userId());
            String name = user == null ? "" : user.profile().displayName();
            String institution = user == null ? "" : user.profile().institution();
            fresh.add(new PeerRow(device.deviceId(), name, institution, device.host() + ":" + device.port(),
                    PeerRow.LinkState.NOT_LINKED, Double.NaN));
        }
        fresh.sort(Comparator.comparing(PeerRow::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(PeerRow::deviceId));
        rows.setAll(fresh);
        refreshLinks();
        lookUpMissingUsers();
    }

    private void lookUpMissingUsers() {
        if (lookupRunning) {
            return;
        }
        List<UserId> missing = rows.stream().map(r -> owners.get(r.deviceId())).filter(id -> id != null && !users.containsKey(id))
                .distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        lookupRunning = true;
        tasks.run(() -> network.users(missing), found -> {
            lookupRunning = false;
            found.forEach(u -> users.put(u.profile().userId(), u));
            applyUsers();
        }, error -> {
            lookupRunning = false;
            // names stay as device ids until the registry answers; the status bar already says it is down
            if (!(error instanceof RegistryUnavailableException)) {
                LOG.warn("Could not look up the owners of online devices: {}", error.toString());
            }
        });
    }

    private void applyUsers() {
        for (int i = 0; i < rows.size(); i++) {
            PeerRow row = rows.get(i);
            UserRecord user = users.get(owners.get(row.deviceId()));
            if (user != null && row.userName().isEmpty()) {
                rows.set(i, row.withUser(user.profile().displayName(), user.profile().institution()));
            }
        }
        FXCollections.sort(rows, Comparator.comparing(PeerRow::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(PeerRow::deviceId));
    }

    private void updateSummary() {
        long linked = rows.stream().filter(r -> r.link() != PeerRow.LinkState.NOT_LINKED).count();
        summary.set(rows.isEmpty() ? "No other device is online right now."
                : rows.size() + (rows.size() == 1 ? " device" : " devices") + " online, " + linked + " linked");
    }

    private static boolean sameDisplay(PeerRow a, PeerRow b) {
        return a.link() == b.link() && a.rttText().equals(b.rttText());
    }

    public ObservableList<PeerRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public String selfName() {
        return network.profile().displayName();
    }

    public String selfInstitution() {
        return network.profile().institution();
    }

    public String deviceId() {
        return network.self().value();
    }

    public int port() {
        return network.port();
    }

    public ReadOnlyStringProperty registryProperty() {
        return registry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
