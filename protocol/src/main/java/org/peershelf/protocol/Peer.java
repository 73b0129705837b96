package org.peershelf.protocol;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.peershelf.protocol.chat.ChatConfig;
import org.peershelf.protocol.chat.ChatService;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.node.Threads;
import org.peershelf.protocol.presence.Mesh;
import org.peershelf.protocol.presence.PresenceService;
import org.peershelf.protocol.presence.Registration;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.registry.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device on the network: the node (server, links), its presence in the registry and the mesh
 * that keeps it linked to every online device. The desktop app, the headless peer and the tests all
 * start a device through this class, so they behave alike.
 */
public final class Peer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Peer.class);

    private final Path dataDir;
    private final PeerNode node;
    private final PresenceService presence;
    private final Mesh mesh;
    private final ChatService chats;
    private final ScheduledExecutorService registryThread =
            Executors.newSingleThreadScheduledExecutor(Threads.daemon("peershelf-registry"));
    private volatile boolean closed;

    /**
     * @param dataDir the profile folder: services keep their files (repository, queues, chat logs) below it
     */
    public Peer(NodeConfig config, Path dataDir, DeviceIdentity identity, UserProfile profile, String deviceName,
                Registry registry, Executor eventExecutor, Clock clock) {
        this(config, ChatConfig.from(config), dataDir, identity, profile, deviceName, registry, eventExecutor, clock);
    }

    /** As above, with chat settings (e.g. a passphrase to encrypt chat logs at rest). */
    public Peer(NodeConfig config, ChatConfig chatConfig, Path dataDir, DeviceIdentity identity, UserProfile profile,
                String deviceName, Registry registry, Executor eventExecutor, Clock clock) {
        this.dataDir = dataDir;
        this.node = new PeerNode(config, identity, eventExecutor);
        Registration registration = new Registration(new UserRecord(profile, clock.millis()),
                new DeviceRecord(identity.deviceId(), profile.userId(), identity.publicKeyBase64(), deviceName,
                        clock.millis()));
        this.presence = new PresenceService(registry, registration, config, clock, registryThread, node.events());
        this.mesh = new Mesh(node, presence, clock);
        try {
            this.chats = new ChatService(node, mesh, presence, registry, profile.userId(), dataDir.resolve("chats"),
                    chatConfig, clock, eventExecutor);
        } catch (RuntimeException e) { // e.g. a wrong chat passphrase: release the threads made so far
            node.close();
            registryThread.shutdownNow();
            throw e;
        }
    }

    /** Starts the server, then announces this device and links to the online ones (retrying while the registry is down). */
    public void start() {
        presence.prepare();
        int port = node.start();
        presence.start(port);
        chats.start();
    }

    public Path dataDir() {
        return dataDir;
    }

    public PeerNode node() {
        return node;
    }

    public PresenceService presence() {
        return presence;
    }

    public Mesh mesh() {
        return mesh;
    }

    /** One-to-one chats and rooms. */
    public ChatService chats() {
        return chats;
    }

    /** Leaves the network cleanly: off the online list at once, peers told, links closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Leaving the network");
        presence.stop();
        node.sayGoodbye("leaving");
        node.close();
        chats.close();
        registryThread.shutdownNow();
    }
}
