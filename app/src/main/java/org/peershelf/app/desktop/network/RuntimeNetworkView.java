package org.peershelf.app.desktop.network;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.peershelf.app.wiring.PeerRuntime;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.UserRecord;

/** {@link NetworkView} over the running device. Events arrive on the executor the runtime was started with. */
public final class RuntimeNetworkView implements NetworkView {
    private final PeerRuntime runtime;
    private final UserProfile profile;

    public RuntimeNetworkView(PeerRuntime runtime, UserProfile profile) {
        this.runtime = runtime;
        this.profile = profile;
    }

    @Override
    public DeviceId self() {
        return runtime.peer().node().deviceId();
    }

    @Override
    public UserProfile profile() {
        return profile;
    }

    @Override
    public int port() {
        return runtime.peer().node().port();
    }

    @Override
    public String registryDescription() {
        return runtime.registry().description();
    }

    @Override
    public boolean registryReachable() {
        return runtime.peer().presence().registryReachable();
    }

    @Override
    public List<OnlineDevice> online() {
        return runtime.peer().presence().view();
    }

    @Override
    public Optional<LinkSnapshot> link(DeviceId device) {
        return runtime.peer().node().links().get(device).filter(l -> l.isOpen())
                .map(l -> new LinkSnapshot(l.outbound(), l.rtt().smoothedMillis()));
    }

    @Override
    public List<UserRecord> users(List<UserId> ids) {
        return runtime.registry().registry().findUsers(ids);
    }

    @Override
    public Optional<UserId> ownerOf(DeviceId device) {
        return runtime.registry().registry().findDevice(device).map(d -> d.owner());
    }

    @Override
    public long freshSinceMillis() {
        return System.currentTimeMillis() - runtime.peer().node().config().staleAfter().toMillis();
    }

    @Override
    public Runnable subscribe(Consumer<NodeEvent> listener) {
        return runtime.peer().node().subscribe(listener);
    }
}
