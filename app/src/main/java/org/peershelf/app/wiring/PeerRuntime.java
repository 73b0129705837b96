package org.peershelf.app.wiring;

import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.peershelf.app.config.AppSettings;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of a running device: registry connection (embedded or remote) and the peer,
 * wired by constructor and closed in reverse order. The desktop app and the headless peer both
 * start here.
 */
public final class PeerRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerRuntime.class);

    private final RegistryConnection registry;
    private final Peer peer;

    private PeerRuntime(RegistryConnection registry, Peer peer) {
        this.registry = registry;
        this.peer = peer;
    }

    public static PeerRuntime start(AppSettings settings, UserProfile profile, DeviceIdentity identity,
                                    Executor eventExecutor) {
        RegistryConnection registry = RegistryConnection.open(settings);
        try {
            Peer peer = new Peer(settings.node(), ChatConfig.from(settings.node()), settings.profileDir(),
                    settings.repositoryDir(), identity, profile, hostName(), registry.registry(), eventExecutor,
                    Clock.systemUTC());
            peer.start();
            return new PeerRuntime(registry, peer);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    public Peer peer() {
        return peer;
    }

    public RegistryConnection registry() {
        return registry;
    }

    @Override
    public void close() {
        try {
            peer.close();
        } finally {
            registry.close();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            LOG.debug("No host name: {}", e.getMessage());
            return "device";
        }
    }
}
