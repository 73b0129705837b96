package org.peershelf.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatConfig;
import org.peershelf.protocol.chat.room.Rooms;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.node.NodeThreads;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.registry.MongoRegistry;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small network for newcomers, all on this computer: an embedded registry in memory and three
 * colleagues (headless peers) who share sample resources and host a reading-group room that the
 * demo user is invited to. One resource has two holders, so a download can use both.
 */
public final class DemoNetwork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);
    static final String ROOM_NAME = "P2P reading group";
    private static final Duration MEMBERSHIP_WAIT = Duration.ofSeconds(10);

    /** A colleague of the demo: who they are and which samples they hold. */
    record Colleague(String name, String institution, String field, List<String> samples) {
    }

    static final List<Colleague> COLLEAGUES = List.of(
            new Colleague("Alan Turing", "University of Manchester", "Computer science",
                    List.of("turing2025linkrtt", "demers1987epidemic")),
            new Colleague("Barbara Liskov", "MIT CSAIL", "Distributed systems",
                    List.of("liskov2024chordsim", "maymounkov2002kademlia")),
            new Colleague("Grace Hopper", "Yale University", "Computer science",
                    List.of("hopper2024compilers", "demers1987epidemic")));

    private final EmbeddedRegistryServer server;
    private final List<Registry> registries = new ArrayList<>();
    private final List<Peer> peers = new ArrayList<>();
    /** The colleagues' links run on one set of threads, as they would in one process of their own. */
    private final NodeThreads colleagueThreads = NodeThreads.start();
    private String roomId;

    private DemoNetwork(EmbeddedRegistryServer server) {
        this.server = server;
    }

    /**
     * Starts the registry and the colleagues, shares their samples and opens the room, inviting
     * {@code guest} (the demo user's device, which may not be online yet).
     */
    public static DemoNetwork start(Path workFolder, DeviceId guest, NodeConfig config) {
        DemoNetwork network = new DemoNetwork(EmbeddedRegistryServer.startInMemory());
        try {
            network.startColleagues(workFolder, config);
            network.openRoom(guest);
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    public String registryUri() {
        return server.connectionString();
    }

    public List<Peer> colleagues() {
        return List.copyOf(peers);
    }

    public String roomId() {
        return roomId;
    }

    private void startColleagues(Path workFolder, NodeConfig config) {
        SampleLibrary library = new SampleLibrary();
        for (Colleague colleague : COLLEAGUES) {
            Path home = folder(workFolder.resolve(colleague.name().toLowerCase().replace(' ', '-')));
            Registry registry = MongoRegistry.open(server.connectionString());
            registries.add(registry);
            Peer peer = new Peer(colleagueThreads, config, ChatConfig.from(config), home.resolve("profile"),
                    DeviceIdentity.generate(), UserProfile.create(colleague.name(), colleague.institution(),
                    colleague.field()), colleague.name() + "'s laptop", registry, Runnable::run, Clock.systemUTC());
            peers.add(peer);
            peer.start();
            for (String key : colleague.samples()) {
                SampleLibrary.Sample sample = library.write(key, home.resolve("samples"));
                peer.sharing().share(sample.metadata(), sample.files());
            }
            LOG.info("Demo colleague {} shares {}", colleague.name(), colleague.samples());
        }
    }

    private void openRoom(DeviceId guest) {
        Peer host = peers.get(2);
        List<DeviceId> members = new ArrayList<>(peers.subList(0, 2).stream().map(p -> p.node().deviceId()).toList());
        members.add(guest);
        roomId = host.chats().rooms().create(ROOM_NAME, members);
        host.chats().rooms().say(roomId, "Welcome to the reading group! This week: epidemic algorithms (Demers et al. 1987).");
        host.chats().rooms().say(roomId, "My reading notes are in Explore; Alan and I both hold them, so the download is quick.");
        List<String> replies = List.of(
                "I shared a week of RTT samples between our labs, if anyone wants numbers for the gossip discussion.",
                "And the Kademlia slides for next week. Who wants to present the XOR metric?");
        for (int i = 0; i < replies.size(); i++) {
            Rooms rooms = peers.get(i).chats().rooms();
            if (awaitMembership(rooms)) {
                rooms.say(roomId, replies.get(i));
            }
        }
    }

    /** A member hears of the room from the host over their link; a few seconds at most on one computer. */
    private boolean awaitMembership(Rooms rooms) {
        long deadline = System.nanoTime() + MEMBERSHIP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (rooms.list().stream().anyMatch(room -> room.roomId().equals(roomId))) {
                return true;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        LOG.warn("A demo colleague did not join the room within {}; the room starts without their message",
                MEMBERSHIP_WAIT);
        return false;
    }

    private static Path folder(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the demo folder " + path, e);
        }
    }

    @Override
    public void close() {
        peers.forEach(Peer::close);
        colleagueThreads.close();
        registries.forEach(Registry::close);
        server.close();
    }
}
