package org.peershelf.app.desktop.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.UserRecord;

/** A device's state held in plain fields, with events emitted by the test on its own thread. */
public final class FakeNetwork implements NetworkView {
    private final DeviceId self = DeviceIdentity.generate().deviceId();
    private final UserProfile profile = UserProfile.create("Ada Lovelace", "Analytical Engines Ltd", "Mathematics");
    private final List<Consumer<NodeEvent>> listeners = new CopyOnWriteArrayList<>();
    public final Map<UserId, UserRecord> directory = new HashMap<>();
    public final Map<DeviceId, LinkSnapshot> links = new HashMap<>();
    public final AtomicInteger lookups = new AtomicInteger();
    public List<OnlineDevice> online = new ArrayList<>();
    public boolean reachable;
    public boolean registryDown;

    /** A device of a new user, added to the directory (not yet online). */
    public OnlineDevice newDevice(String name, String institution) {
        UserProfile user = UserProfile.create(name, institution, "Testing");
        directory.put(user.userId(), new UserRecord(user, 1L));
        return new OnlineDevice(DeviceIdentity.generate().deviceId(), user.userId(), "127.0.0.1", 40000 + directory.size(),
                1L, 1L, Set.of());
    }

    public void emit(NodeEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    public void goOnline(List<OnlineDevice> devices) {
        online = new ArrayList<>(devices);
        emit(new NodeEvent.OnlineViewChanged(List.copyOf(devices)));
    }

    public int listenerCount() {
        return listeners.size();
    }

    @Override
    public DeviceId self() {
        return self;
    }

    @Override
    public UserProfile profile() {
        return profile;
    }

    @Override
    public int port() {
        return 45678;
    }

    @Override
    public String registryDescription() {
        return "embedded registry on 127.0.0.1:27027";
    }

    @Override
    public boolean registryReachable() {
        return reachable;
    }

    @Override
    public List<OnlineDevice> online() {
        return online;
    }

    @Override
    public Optional<LinkSnapshot> link(DeviceId device) {
        return Optional.ofNullable(links.get(device));
    }

    @Override
    public List<UserRecord> users(List<UserId> ids) {
        lookups.incrementAndGet();
        if (registryDown) {
            throw new RegistryUnavailableException("The registry at 127.0.0.1:27027 does not answer.", null);
        }
        return ids.stream().map(directory::get).filter(u -> u != null).toList();
    }

    @Override
    public Optional<UserId> ownerOf(DeviceId device) {
        return Optional.empty();
    }

    @Override
    public long freshSinceMillis() {
        return 0;
    }

    @Override
    public Runnable subscribe(Consumer<NodeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
