package org.peershelf.app.desktop.network;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.UserRecord;

/**
 * What the desktop's view models read from the running device. The app implements it over
 * {@link org.peershelf.app.wiring.PeerRuntime}; view-model tests implement it with plain values, so
 * they need neither a network nor the toolkit.
 */
public interface NetworkView {
    DeviceId self();

    UserProfile profile();

    int port();

    /** e.g. "embedded registry on 127.0.0.1:27027". */
    String registryDescription();

    boolean registryReachable();

    /** The online devices other than this one, as last read from the registry (in memory, cheap). */
    List<OnlineDevice> online();

    /** The current link to {@code device}, if any (in memory, cheap). */
    Optional<LinkSnapshot> link(DeviceId device);

    /** Looks users up in the registry: blocking, may throw RegistryUnavailableException. Call off the UI thread. */
    List<UserRecord> users(List<UserId> ids);

    /** The user a device belongs to, from the registry: blocking, may throw RegistryUnavailableException. */
    Optional<UserId> ownerOf(DeviceId device);

    /** A device whose last heartbeat is at or after this time counts as online (now minus the stale interval). */
    long freshSinceMillis();

    /** Node events, delivered on the UI thread; returns the unsubscribe action. */
    Runnable subscribe(Consumer<NodeEvent> listener);
}
