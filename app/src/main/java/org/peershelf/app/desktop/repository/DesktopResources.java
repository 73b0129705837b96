package org.peershelf.app.desktop.repository;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.node.Threads;
import org.peershelf.protocol.registry.ResourceRegistry;
import org.peershelf.protocol.resource.publish.OutboxEvent;
import org.peershelf.protocol.resource.publish.Publisher;
import org.peershelf.protocol.resource.repository.LocalRepository;

/**
 * The resource service as the desktop uses it: the local repository in the folder chosen at onboarding
 * and the publisher with its outbox in the profile. Opened off the UI thread (it scans the repository);
 * outbox events are delivered on {@code events}.
 *
 * <p>When the resource service is wired into {@code Peer}/{@code PeerRuntime} itself, this class should
 * hand out those instances instead of opening its own.
 */
public final class DesktopResources implements AutoCloseable {
    /** The outbox file in the profile folder. */
    public static final String OUTBOX_FILE = "registry-outbox.log";

    private final LocalRepository repository;
    private final Publisher publisher;
    private final ScheduledExecutorService outboxThread;
    private final UserId owner;

    private DesktopResources(LocalRepository repository, Publisher publisher, ScheduledExecutorService outboxThread,
                             UserId owner) {
        this.repository = repository;
        this.publisher = publisher;
        this.outboxThread = outboxThread;
        this.owner = owner;
    }

    public static DesktopResources open(Path profileDir, Path repositoryFolder, ResourceRegistry registry, UserId owner,
                                        DeviceId self, Executor events) {
        LocalRepository repository = new LocalRepository(repositoryFolder);
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("peershelf-outbox"));
        try {
            Publisher publisher = new Publisher(Publisher.openOutbox(profileDir.resolve(OUTBOX_FILE)), registry, repository,
                    owner, self, Clock.systemUTC(), thread, new EventPublisher<>(events), Publisher.Settings.DEFAULT);
            publisher.start();
            return new DesktopResources(repository, publisher, thread, owner);
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
    }

    public LocalRepository repository() {
        return repository;
    }

    public Publisher publisher() {
        return publisher;
    }

    public UserId owner() {
        return owner;
    }

    public Runnable subscribe(java.util.function.Consumer<? super OutboxEvent> listener) {
        return publisher.subscribe(listener);
    }

    @Override
    public void close() {
        try {
            publisher.close();
        } finally {
            outboxThread.shutdownNow();
        }
    }
}
