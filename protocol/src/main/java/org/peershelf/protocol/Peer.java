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
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.node.NodeThreads;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.node.Threads;
import org.peershelf.protocol.presence.Mesh;
import org.peershelf.protocol.presence.PresenceService;
import org.peershelf.protocol.presence.Registration;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.registry.UserRecord;
import org.peershelf.protocol.resource.explore.Explore;
import org.peershelf.protocol.resource.publish.Publisher;
import org.peershelf.protocol.resource.publish.Sharing;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.protocol.resource.transfer.TransferSettings;
import org.peershelf.protocol.resource.transfer.Transfers;
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
    private final LocalRepository repository;
    private final ScheduledExecutorService outboxThread =
            Executors.newSingleThreadScheduledExecutor(Threads.daemon("peershelf-outbox"));
    private final Publisher publisher;
    private final Sharing sharing;
    private final Explore explore;
    private final Transfers transfers;
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
        this(config, chatConfig, dataDir, dataDir.resolve("repository"), identity, profile, deviceName, registry,
                eventExecutor, clock);
    }

    /**
     * As above, with the repository (the held resources' files) in a folder of the person's choice rather than
     * {@code <dataDir>/repository}: papers and datasets can be large and belong on another disk.
     */
    public Peer(NodeConfig config, ChatConfig chatConfig, Path dataDir, Path repositoryDir, DeviceIdentity identity,
                UserProfile profile, String deviceName, Registry registry, Executor eventExecutor, Clock clock) {
        this(new PeerNode(config, identity, eventExecutor), config, chatConfig, dataDir, repositoryDir, identity,
                profile, deviceName, registry, eventExecutor, clock);
    }

    /**
     * One of several peers in this process (the demo network, benchmarks), its links on threads shared with the
     * others; closing the peer leaves them running for the rest.
     */
    public Peer(NodeThreads shared, NodeConfig config, ChatConfig chatConfig, Path dataDir, DeviceIdentity identity,
                UserProfile profile, String deviceName, Registry registry, Executor eventExecutor, Clock clock) {
        this(new PeerNode(config, identity, eventExecutor, shared), config, chatConfig, dataDir,
                dataDir.resolve("repository"), identity, profile, deviceName, registry, eventExecutor, clock);
    }

    private Peer(PeerNode node, NodeConfig config, ChatConfig chatConfig, Path dataDir, Path repositoryDir,
                 DeviceIdentity identity, UserProfile profile, String deviceName, Registry registry,
                 Executor eventExecutor, Clock clock) {
        this.dataDir = dataDir;
        this.node = node;
        registry.addSigner(identity); // the registry client signs what this device publishes
        // the user key endorses this device; a profile without one (tools, tests) publishes an unendorsed device
        DeviceRecord device = profile.userKey()
                .map(key -> DeviceRecord.endorsed(key, identity.deviceId(), identity.publicKeyBase64(), deviceName,
                        clock.millis()))
                .orElseGet(() -> new DeviceRecord(identity.deviceId(), profile.userId(), identity.publicKeyBase64(),
                        deviceName, clock.millis()));
        Registration registration = new Registration(new UserRecord(profile, clock.millis()), device);
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
        this.repository = new LocalRepository(repositoryDir);
        this.publisher = new Publisher(Publisher.openOutbox(dataDir.resolve("outbox").resolve("registry-outbox.log")),
                registry, repository, profile.userId(), identity.deviceId(), clock, outboxThread,
                new EventPublisher<>(eventExecutor), Publisher.Settings.DEFAULT);
        this.sharing = new Sharing(repository, publisher);
        this.explore = new Explore(registry, clock, config.staleAfter());
        this.transfers = new Transfers(node, mesh, presence, registry, repository, publisher,
                new EventPublisher<>(eventExecutor), TransferSettings.defaults());
    }

    /** Starts the server, then announces this device and links to the online ones (retrying while the registry is down). */
    public void start() {
        presence.prepare();
        int port = node.start();
        presence.start(port);
        chats.start();
        node.events().subscribe(e -> {
            if (e instanceof NodeEvent.RegistryStateChanged changed && changed.reachable()) {
                publisher.wake(); // the outbox need not wait out its back-off
            }
        });
        publisher.start();
        publisher.reassertHoldings();
        transfers.start();
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

    /** The resources this device holds (its own copies). */
    public LocalRepository repository() {
        return repository;
    }

    /** Registry writes through the persistent outbox. */
    public Publisher publisher() {
        return publisher;
    }

    /** Share, delete and withdraw in one step each. */
    public Sharing sharing() {
        return sharing;
    }

    /** Search the published resources of everyone. */
    public Explore explore() {
        return explore;
    }

    /** Downloads (resumable, from several holders) and serving of held resources. */
    public Transfers transfers() {
        return transfers;
    }

    /** Leaves the network cleanly: off the online list at once, peers told, links closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Leaving the network");
        mesh.stop();
        presence.stop();
        node.sayGoodbye("leaving");
        transfers.close();
        node.close();
        chats.close();
        publisher.close();
        outboxThread.shutdownNow();
        registryThread.shutdownNow();
    }
}
