package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.registry.LazyRegistry;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.publish.OutboxEvent;
import org.peershelf.protocol.resource.publish.Publisher;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/**
 * The outbox against the real driver and the embedded registry, stopped and started again on the same file and
 * port (so this test always uses its own embedded server, also when a real MongoDB is configured).
 */
@Tag("integration")
class OutboxRecoveryTest {
    private static final DeviceId SELF = TestDevices.device(42);
    private static final UserId OWNER = new UserId("u-owner");
    private static final Publisher.Settings FAST = new Publisher.Settings(Duration.ofMillis(50), Duration.ofMillis(300));

    @TempDir
    Path dir;
    private EmbeddedRegistryServer server;
    private int port;
    private LocalRepository repository;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<OutboxEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = EmbeddedRegistryServer.startOnFile(dir.resolve("registry.mv.db"), EmbeddedRegistryServer.LOOPBACK, 0);
        port = server.port();
        repository = new LocalRepository(dir.resolve("repo"), 1024);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Registry registry() {
        String uri = "mongodb://127.0.0.1:" + port + "/peershelf?serverSelectionTimeoutMS=300&connectTimeoutMS=300";
        LazyRegistry registry = new LazyRegistry(() -> MongoRegistry.open(uri), "embedded registry");
        open.add(registry);
        return registry;
    }

    private Publisher publisher(Registry registry) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        open.add(scheduler::shutdownNow);
        EventPublisher<OutboxEvent> bus = new EventPublisher<>(Runnable::run);
        bus.subscribe(events::add);
        Publisher publisher = new Publisher(Publisher.openOutbox(dir.resolve("outbox.log")), registry, repository,
                OWNER, SELF, Clock.systemUTC(), scheduler, bus, FAST);
        publisher.start();
        return publisher;
    }

    private Resource add(String title) throws IOException {
        Path file = Files.writeString(dir.resolve(title), title);
        return repository.add(ResourceMetadata.of(title, ResourceType.DATASET), List.of(file));
    }

    private void awaitQueuedWhileDown(int pending) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e ->
                e instanceof OutboxEvent.OutboxChanged c && !c.registryReachable() && c.pending() == pending));
    }

    @Test
    void operationsQueuedWhileTheRegistryIsStoppedAreAppliedInOrderWhenItIsBack() throws IOException {
        Resource a = add("A");
        Resource b = add("B");
        Registry registry = registry();
        Publisher publisher = publisher(registry);
        open.add(0, publisher);
        publisher.publish(a.id());
        await().until(() -> publisher.pending() == 0);

        server.close();
        publisher.publish(b.id());
        publisher.unpublish(a.id());
        publisher.unhold(a.id());
        publisher.dropHolder(b.id(), TestDevices.device(7));
        awaitQueuedWhileDown(4);
        server = EmbeddedRegistryServer.startOnFile(dir.resolve("registry.mv.db"), EmbeddedRegistryServer.LOOPBACK, port);

        await().atMost(Duration.ofSeconds(15)).until(() -> publisher.pending() == 0);
        assertThat(registry.findResource(a.id())).isEmpty();
        assertThat(registry.findResource(b.id())).hasValueSatisfying(p -> {
            assertThat(p.owner()).isEqualTo(OWNER);
            assertThat(p.publishedBy()).isEqualTo(SELF);
        });
        assertThat(registry.holders(a.id())).isEmpty();
        assertThat(registry.holders(b.id())).containsExactly(SELF);
    }

    @Test
    void operationsQueuedBeforeARestartOfThePeerAreAppliedAfterIt() throws Exception {
        Resource a = add("A");
        Resource b = add("B");
        server.close();
        Publisher before = publisher(registry());
        before.publish(a.id());
        before.publish(b.id());
        before.unpublish(b.id());
        awaitQueuedWhileDown(3);
        before.close(); // the peer stops while the registry is still down

        server = EmbeddedRegistryServer.startOnFile(dir.resolve("registry.mv.db"), EmbeddedRegistryServer.LOOPBACK, port);
        Registry registry = registry();
        Publisher after = publisher(registry);
        open.add(0, after);

        await().atMost(Duration.ofSeconds(15)).until(() -> after.pending() == 0);
        assertThat(registry.findResource(a.id())).isPresent();
        assertThat(registry.findResource(b.id())).isEmpty();
        assertThat(registry.holders(a.id())).containsExactly(SELF);
    }
}
