package org.peershelf.protocol.resource.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.repository.LocalRepository;

class PublisherTest {
    private static final DeviceId SELF = DeviceId.of("a".repeat(40));
    private static final DeviceId OTHER = DeviceId.of("b".repeat(40));
    private static final Publisher.Settings FAST = new Publisher.Settings(Duration.ofMillis(20), Duration.ofMillis(100));

    @TempDir
    Path dir;
    private final FlakyResourceRegistry registry = new FlakyResourceRegistry();
    private final List<OutboxEvent> events = new CopyOnWriteArrayList<>();
    private final List<ScheduledExecutorService> schedulers = new CopyOnWriteArrayList<>();
    private LocalRepository repository;

    @BeforeEach
    void openRepository() {
        repository = new LocalRepository(dir.resolve("repo"), 1024);
    }

    @AfterEach
    void stopSchedulers() {
        schedulers.forEach(ScheduledExecutorService::shutdownNow);
    }

    private Publisher start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        schedulers.add(scheduler);
        EventPublisher<OutboxEvent> publisher = new EventPublisher<>(Runnable::run);
        publisher.subscribe(events::add);
        Publisher p = new Publisher(Publisher.openOutbox(dir.resolve("outbox.log")), registry, repository,
                new UserId("u-1"), SELF, Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC), scheduler,
                publisher, FAST);
        p.start();
        return p;
    }

    private Resource add(String title) throws IOException {
        Path file = Files.writeString(dir.resolve(title + ".txt"), title);
        return repository.add(ResourceMetadata.of(title, ResourceType.PAPER), List.of(file));
    }

    @Test
    void sendsAtOnceWhenTheRegistryAnswers() throws IOException {
        Resource a = add("A");
        try (Publisher publisher = start()) {
            publisher.publish(a.id());
            await().until(() -> publisher.pending() == 0);
        }
        assertThat(registry.log()).containsExactly("publish A", "hold " + SELF.shortForm());
        assertThat(events).contains(new OutboxEvent.OutboxChanged(0, true, null));
    }

    @Test
    void operationsQueuedWhileTheRegistryIsDownAreAppliedInOrderWhenItIsBack() throws IOException {
        Resource a = add("A");
        Resource b = add("B");
        registry.setDown(true);
        try (Publisher publisher = start()) {
            publisher.publish(a.id());
            publisher.publish(b.id());
            publisher.unpublish(a.id());
            publisher.dropHolder(b.id(), OTHER);
            publisher.unhold(b.id());
            await().until(() -> events.stream().anyMatch(e -> e instanceof OutboxEvent.OutboxChanged c
                    && !c.registryReachable() && c.pending() == 5));
            assertThat(registry.log()).isEmpty();

            registry.setDown(false);
            await().until(() -> publisher.pending() == 0);
        }
        assertThat(registry.log()).containsExactly("publish A", "hold " + SELF.shortForm(), "publish B",
                "hold " + SELF.shortForm(), "unpublish A", "unhold " + OTHER.shortForm(), "unhold " + SELF.shortForm());
    }

    @Test
    void queuedOperationsSurviveARestartOfThePeer() throws IOException {
        Resource a = add("A");
        registry.setDown(true);
        try (Publisher publisher = start()) {
            publisher.publish(a.id());
            publisher.hold(a.id());
        }
        registry.setDown(false);
        try (Publisher restarted = start()) {
            assertThat(restarted.pending()).isLessThanOrEqualTo(2);
            await().until(() -> restarted.pending() == 0);
        }
        assertThat(registry.log()).containsExactly("publish A", "hold " + SELF.shortForm(), "hold " + SELF.shortForm());
    }

    @Test
    void aCrashInTheMiddleOfWritingLosesNoEarlierEntry() throws IOException {
        Resource a = add("A");
        Resource b = add("B");
        Resource c = add("C");
        registry.setDown(true);
        try (Publisher publisher = start()) {
            publisher.publish(a.id());
            publisher.publish(b.id());
            publisher.publish(c.id());
        }
        Path file = dir.resolve("outbox.log");
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(raw.length() - 7); // the last record was being written when the power went
        }
        registry.setDown(false);
        try (Publisher restarted = start()) {
            await().until(() -> restarted.pending() == 0);
        }
        assertThat(registry.log()).containsExactly("publish A", "hold " + SELF.shortForm(), "publish B",
                "hold " + SELF.shortForm());
    }

    @Test
    void anOperationThatCannotSucceedIsDroppedAndTheRestGoOn() throws IOException {
        Resource gone = add("Gone");
        Resource kept = add("Kept");
        repository.delete(gone.id());
        try (Publisher publisher = start()) {
            publisher.publish(gone.id());
            publisher.publish(kept.id());
            await().until(() -> publisher.pending() == 0);
        }
        assertThat(registry.log()).containsExactly("publish Kept", "hold " + SELF.shortForm());
        assertThat(events).anyMatch(e -> e instanceof OutboxEvent.OperationDropped d && d.reason().contains("no longer"));
    }

    @Test
    void wakeRetriesAtOnceInsteadOfWaitingOutTheBackOff() throws IOException {
        Resource a = add("A");
        registry.setDown(true);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        schedulers.add(scheduler);
        Publisher.Settings slow = new Publisher.Settings(Duration.ofMinutes(10), Duration.ofMinutes(10));
        try (Publisher publisher = new Publisher(Publisher.openOutbox(dir.resolve("slow.log")), registry, repository,
                new UserId("u-1"), SELF, Clock.systemUTC(), scheduler, new EventPublisher<>(Runnable::run), slow)) {
            publisher.start();
            publisher.publish(a.id());
            await().until(() -> registry.refused() == 1); // tried once, now waiting ten minutes
            registry.setDown(false);
            publisher.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.pending() == 0);
        }
    }

    @Test
    void aReturningPeerReassertsWhatItHoldsAndDropsRecordsOfWhatItNoLongerHas() throws IOException {
        Resource a = add("A");
        Resource b = add("B");
        Resource gone = add("Gone");
        registry.addHolder(gone.id(), SELF, 1);
        registry.addHolder(gone.id(), OTHER, 1);
        repository.delete(gone.id()); // deleted while the peer was away, its record still listed
        registry.setDown(true);
        try (Publisher publisher = start()) {
            publisher.reassertHoldings();
            await().until(() -> events.stream().anyMatch(e -> e instanceof OutboxEvent.OutboxChanged c
                    && !c.registryReachable() && c.pending() == 1));
            registry.setDown(false); // the registry comes back: the queued re-assertion goes out
            await().until(() -> publisher.pending() == 0);
            assertThat(registry.heldBy(SELF)).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(registry.holders(gone.id())).containsExactly(OTHER);

            publisher.reassertHoldings(); // again, e.g. the next start: same state
            await().until(() -> publisher.pending() == 0);
        }
        assertThat(registry.heldBy(SELF)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(registry.holders(gone.id())).containsExactly(OTHER);
        assertThat(registry.holders(a.id())).containsExactly(SELF);
    }
}
