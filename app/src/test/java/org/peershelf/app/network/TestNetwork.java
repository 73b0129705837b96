package org.peershelf.app.network;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.peershelf.app.testing.TempFolders;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * An embedded registry over real TCP and real peers on loopback, each with its own driver connection. Registered as
 * an extension ({@code @RegisterExtension}), it closes everything after each test.
 */
final class TestNetwork implements AutoCloseable, AfterEachCallback {
    private final EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
    private final List<Peer> peers = new ArrayList<>();
    private final List<Registry> registries = new ArrayList<>();
    private final TempFolders folders = new TempFolders();

    static NodeConfig config(Duration heartbeat) {
        return NodeConfig.defaults().withHeartbeat(heartbeat);
    }

    String uri() {
        return server.connectionString();
    }

    Registry newRegistryClient() {
        Registry registry = MongoRegistry.open(server.connectionString());
        registries.add(registry);
        return registry;
    }

    Peer startPeer(String name, NodeConfig config) {
        Peer peer = new Peer(config, newDataDir(name), DeviceIdentity.generate(),
                UserProfile.create(name, "Test University", "Testing"), name + "-device", newRegistryClient(), Runnable::run, Clock.systemUTC());
        peers.add(peer);
        peer.start();
        return peer;
    }

    private Path newDataDir(String name) {
        return folders.create("peershelf-test-" + name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        peers.forEach(Peer::close);
        registries.forEach(Registry::close);
        server.close();
        folders.close();
    }
}
