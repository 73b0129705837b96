package org.peershelf.app.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.peershelf.app.testing.TempFolders;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatConfig;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * Real peers on loopback against an embedded registry over TCP, each with its own driver connection, that can be
 * stopped and started again with the same identity, profile and data folder (to test restarts and offline peers).
 * Registered as an extension ({@code @RegisterExtension}), it closes everything after each test.
 */
final class ChatNetwork implements AutoCloseable, AfterEachCallback {
    static final Duration HEARTBEAT = Duration.ofMillis(300);

    private record Device(DeviceIdentity identity, UserProfile profile, Path dir) {
    }

    private final EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
    private final Map<String, Device> devices = new HashMap<>();
    private final Map<String, Peer> running = new HashMap<>();
    private final TempFolders folders = new TempFolders();
    private final List<Registry> registries = new ArrayList<>();

    static NodeConfig config() {
        return NodeConfig.defaults().withHeartbeat(HEARTBEAT);
    }

    String uri() {
        return server.connectionString();
    }

    synchronized Registry newRegistryClient() {
        Registry registry = MongoRegistry.open(server.connectionString());
        registries.add(registry);
        return registry;
    }

    Peer start(String name) {
        return start(name, ChatConfig.from(config()));
    }

    /**
     * Starts the device called {@code name}: new the first time, the same device (and files) afterwards.
     * A constructor failure (e.g. a wrong chat passphrase) is thrown; nothing is left running then.
     */
    synchronized Peer start(String name, ChatConfig chat) {
        return start(name, chat, UnaryOperator.identity());
    }

    /** As {@link #start(String, ChatConfig)}, with the device's registry client seen through {@code wrap}. */
    synchronized Peer start(String name, ChatConfig chat, UnaryOperator<Registry> wrap) {
        return start(name, config(), chat, wrap);
    }

    /** As {@link #start(String, ChatConfig)}, with node settings of its own (e.g. tighter request limits). */
    synchronized Peer start(String name, NodeConfig node, ChatConfig chat) {
        return start(name, node, chat, UnaryOperator.identity());
    }

    private Peer start(String name, NodeConfig node, ChatConfig chat, UnaryOperator<Registry> wrap) {
        Device device = devices.computeIfAbsent(name, n -> new Device(DeviceIdentity.generate(),
                UserProfile.create(n, "Test University", "Testing"), newDataDir(n)));
        Peer peer = new Peer(node, chat, device.dir(), device.identity(), device.profile(), name + "-device",
                wrap.apply(newRegistryClient()), Runnable::run, Clock.systemUTC());
        running.put(name, peer);
        peer.start();
        return peer;
    }

    Path dataDir(String name) {
        return devices.get(name).dir();
    }

    /** Leaves the network cleanly; the device's files stay for a later {@link #start}. */
    synchronized void stop(String name) {
        Peer peer = running.remove(name);
        if (peer != null) {
            peer.close();
        }
    }

    private Path newDataDir(String name) {
        return folders.create("peershelf-chat-" + name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        running.values().parallelStream().forEach(Peer::close);
        running.clear();
        registries.forEach(Registry::close);
        server.close();
        folders.close();
    }
}
