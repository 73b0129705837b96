package org.peershelf.protocol.resource.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.registry.PublishedResource;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.ResourceRegistry;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.publish.OutboxOperation.Kind;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.protocol.store.DurableQueue;
import org.peershelf.protocol.store.ItemCodec;
import org.peershelf.protocol.store.QueueItem;
import org.peershelf.protocol.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing through a persistent outbox. Every call appends to a {@link DurableQueue} on disk and returns; one drain
 * task on the given single-thread scheduler sends the queue head, acknowledges it, and goes on, in order. While the
 * registry is unavailable the head waits with a doubling back-off (or until {@link #wake()}), so nothing is reordered
 * or lost, and a restart resumes from the file. An operation whose acknowledgement was lost in a crash is sent
 * again, which the registry absorbs: every write is idempotent.
 *
 * <p>All queue state is touched only on the scheduler thread, except enqueueing (the queue is synchronized).
 */
public final class Publisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    /** Retry delays while the registry is down. */
    public record Settings(Duration firstRetry, Duration maxRetry) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private final DurableQueue<OutboxOperation> outbox;
    private final ResourceRegistry registry;
    private final LocalRepository repository;
    private final UserId owner;
    private final DeviceId self;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final EventPublisher<OutboxEvent> events;
    private final Backoff backoff;
    private ScheduledFuture<?> retry;
    private boolean reachable = true;
    private String lastError;
    private volatile boolean closed;

    public Publisher(DurableQueue<OutboxOperation> outbox, ResourceRegistry registry, LocalRepository repository,
                     UserId owner, DeviceId self, Clock clock, ScheduledExecutorService scheduler,
                     EventPublisher<OutboxEvent> events, Settings settings) {
        this.outbox = outbox;
        this.registry = registry;
        this.repository = repository;
        this.owner = owner;
        this.self = self;
        this.clock = clock;
        this.scheduler = scheduler;
        this.events = events;
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
    }

    /** The outbox file's codec: JSON of {@link OutboxOperation}, ignoring fields a newer version added. */
    public static DurableQueue<OutboxOperation> openOutbox(Path file) {
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return DurableQueue.open(file, ItemCodec.json(mapper, OutboxOperation.class));
    }

    /** Starts sending what an earlier run left queued. */
    public void start() {
        LOG.info("Registry outbox has {} queued operations", outbox.size());
        submit(this::drain);
    }

    /** Lists a held resource (and this device as its holder). */
    public void publish(ResourceId id) {
        enqueue(new OutboxOperation(Kind.PUBLISH, id, null, clock.millis()));
    }

    public void unpublish(ResourceId id) {
        enqueue(new OutboxOperation(Kind.UNPUBLISH, id, null, clock.millis()));
    }

    /** "I now hold this": e.g. after a finished download. */
    public void hold(ResourceId id) {
        enqueue(new OutboxOperation(Kind.HOLD, id, null, clock.millis()));
    }

    /** "I no longer hold this": after deleting the local copy. */
    public void unhold(ResourceId id) {
        enqueue(new OutboxOperation(Kind.UNHOLD, id, null, clock.millis()));
    }

    /** Removes another device's holder record: it answered "not held". */
    public void dropHolder(ResourceId id, DeviceId holder) {
        enqueue(new OutboxOperation(Kind.DROP_HOLDER, id, holder, clock.millis()));
    }

    /**
     * A returning peer re-asserts what it holds: every resource in the repository gets this device's holder record,
     * and its records of resources no longer there are removed. Through the outbox, so a registry that is down gets
     * it when it is back; idempotent, so a repeat after a crash changes nothing.
     */
    public void reassertHoldings() {
        enqueue(new OutboxOperation(Kind.SYNC_HOLDINGS, null, null, clock.millis()));
    }

    /** Operations not yet confirmed by the registry. */
    public int pending() {
        return outbox.size();
    }

    public Runnable subscribe(java.util.function.Consumer<? super OutboxEvent> listener) {
        return events.subscribe(listener);
    }

    /** The registry is probably back (presence reached it): retry now instead of at the end of the back-off. */
    public void wake() {
        submit(() -> {
            if (retry != null) {
                retry.cancel(false);
                retry = null;
            }
            drain();
        });
    }

    /**
     * @throws StorageException if the outbox could not save the operation (e.g. full disk); nothing was queued
     */
    private void enqueue(OutboxOperation operation) {
        if (closed) {
            throw new IllegalStateException("the publisher is closed");
        }
        outbox.enqueue(operation);
        LOG.debug("Queued {}", operation);
        publishChanged();
        submit(this::drain);
    }

    private void drain() {
        if (retry != null && !retry.isDone()) {
            return; // waiting out a back-off: the head goes first, whatever arrived since waits behind it
        }
        retry = null;
        Optional<QueueItem<OutboxOperation>> head;
        while (!closed && (head = outbox.peek()).isPresent()) {
            QueueItem<OutboxOperation> item = head.get();
            try {
                apply(item.value());
                events.publish(new OutboxEvent.OperationApplied(item.value()));
            } catch (RegistryUnavailableException e) {
                waitForRegistry(e.getMessage());
                return;
            } catch (PeerShelfException | IllegalArgumentException e) {
                LOG.error("Dropping queued {}: it cannot succeed ({})", item.value(), e.getMessage());
                events.publish(new OutboxEvent.OperationDropped(item.value(), e.getMessage()));
            }
            try {
                outbox.acknowledgeUpTo(item.id());
            } catch (StorageException e) {
                // sent but not marked done: it goes again later, harmlessly (idempotent)
                waitForRegistry("The outbox could not be updated: " + e.getMessage());
                return;
            }
            if (!reachable) {
                LOG.info("The registry answers again; sending the queued operations");
            }
            reachable = true;
            lastError = null;
            backoff.reset();
            publishChanged();
        }
    }

    private void waitForRegistry(String reason) {
        if (reachable) {
            LOG.warn("{} {} registry operations stay queued and are sent when it answers.", reason, outbox.size());
        }
        reachable = false;
        lastError = reason;
        publishChanged();
        long delay = backoff.next();
        try {
            retry = scheduler.schedule(this::retryNow, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduler stopped; the outbox is resumed at the next start");
        }
    }

    private void retryNow() {
        retry = null;
        drain();
    }

    private void apply(OutboxOperation op) {
        ResourceId id = op.resource();
        switch (op.kind()) {
            case PUBLISH -> {
                Resource resource = repository.find(id).orElseThrow(() -> new PeerShelfException(
                        "Resource " + id.shortForm() + " is no longer in the repository, so it cannot be published."));
                registry.publishResource(new PublishedResource(resource, owner, self, op.atMillis()));
                registry.addHolder(id, self, op.atMillis());
            }
            case UNPUBLISH -> registry.unpublishResource(id);
            case HOLD -> registry.addHolder(id, self, op.atMillis());
            case UNHOLD -> registry.removeHolder(id, self);
            case DROP_HOLDER -> registry.removeHolder(id, op.device());
            case SYNC_HOLDINGS -> syncHoldings(op.atMillis());
        }
    }

    private void syncHoldings(long atMillis) {
        Set<ResourceId> local = new HashSet<>();
        repository.list().forEach(r -> local.add(r.id()));
        int dropped = 0;
        for (ResourceId listed : registry.heldBy(self)) {
            if (!local.contains(listed)) {
                registry.removeHolder(listed, self);
                dropped++;
            }
        }
        for (ResourceId id : local) {
            registry.addHolder(id, self, atMillis);
        }
        LOG.info("Re-asserted {} held resources in the registry; dropped {} holder records of resources no longer here",
                local.size(), dropped);
    }

    private void publishChanged() {
        events.publish(new OutboxEvent.OutboxChanged(outbox.size(), reachable, lastError));
    }

    private void submit(Runnable task) {
        try {
            scheduler.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("The registry outbox failed; it resumes at the next operation or start", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduler stopped; queued operations are sent at the next start");
        }
    }

    /** Stops sending; queued operations stay in the file for the next start. Closes the outbox. */
    @Override
    public void close() {
        closed = true;
        try {
            scheduler.submit(() -> {
                if (retry != null) {
                    retry.cancel(false);
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Outbox scheduler did not answer at close: {}", e.toString());
        }
        outbox.close();
    }
}
