package org.peershelf.app.desktop.repository;

import java.util.function.Consumer;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.resource.publish.OutboxEvent;
import org.peershelf.protocol.resource.publish.Publisher;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.protocol.resource.transfer.Transfers;

/**
 * The resource service as the desktop's view models use it: the device's repository, its publisher
 * (registry outbox) and its transfers, all owned and closed by {@link Peer}. Outbox and download events
 * arrive on the executor the peer was started with (the UI thread in the app).
 */
public final class DesktopResources {
    private final LocalRepository repository;
    private final Publisher publisher;
    private final Transfers transfers;
    private final UserId owner;

    /** @param transfers may be null where only the repository is needed (tests) */
    public DesktopResources(LocalRepository repository, Publisher publisher, Transfers transfers, UserId owner) {
        this.repository = repository;
        this.publisher = publisher;
        this.transfers = transfers;
        this.owner = owner;
    }

    public static DesktopResources of(Peer peer, UserId owner) {
        return new DesktopResources(peer.repository(), peer.publisher(), peer.transfers(), owner);
    }

    public LocalRepository repository() {
        return repository;
    }

    public Publisher publisher() {
        return publisher;
    }

    public Transfers transfers() {
        return transfers;
    }

    public UserId owner() {
        return owner;
    }

    public Runnable subscribe(Consumer<? super OutboxEvent> listener) {
        return publisher.subscribe(listener);
    }
}
