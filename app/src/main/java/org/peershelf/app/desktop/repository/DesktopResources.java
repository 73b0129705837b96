package org.peershelf.app.desktop.repository;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.resource.ManifestFile;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.publish.OutboxEvent;
import org.peershelf.protocol.resource.publish.Publisher;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.protocol.resource.repository.RepositoryException;
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

    /**
     * First step of correcting a held resource's metadata. A resource's id is derived from its metadata and files, so
     * the corrected one is a new resource with the same files, copied from the held copy; the old one is untouched,
     * so nothing is lost if this stops half-way. Blocking (copies and hashes): call off the UI thread.
     */
    public Resource addCorrected(Resource old, ResourceMetadata corrected) {
        return repository.add(corrected, heldTopLevel(old));
    }

    /**
     * Second step: the corrected resource is listed in place of the old one (if that was listed) and the old copy
     * is dropped. Appends to the outbox and deletes files: call off the UI thread.
     *
     * @param listed whether the old one is in the catalogue (or being published)
     */
    public void replace(Resource old, Resource fresh, boolean listed) {
        if (fresh.id().equals(old.id())) {
            return;
        }
        if (listed) {
            publisher.publish(fresh.id());
            publisher.unpublish(old.id());
        }
        repository.delete(old.id());
        publisher.unhold(old.id());
    }

    /** The held copy's top-level files and folders, which give the same package paths when added again. */
    private List<Path> heldTopLevel(Resource resource) {
        ManifestFile first = resource.manifest().files().get(0);
        Path file = repository.fileOf(resource.id(), 0).orElseThrow(() -> new RepositoryException(
                "The held copy of \u201C" + resource.metadata().title() + "\u201D is missing or damaged; "
                        + "add the files again instead.", null));
        Path filesDir = file;
        for (int i = 0; i < first.path().split("/").length; i++) {
            filesDir = filesDir.getParent();
        }
        Set<Path> top = new LinkedHashSet<>();
        for (ManifestFile entry : resource.manifest().files()) {
            top.add(filesDir.resolve(entry.path().split("/")[0]));
        }
        return List.copyOf(top);
    }

    public Runnable subscribe(Consumer<? super OutboxEvent> listener) {
        return publisher.subscribe(listener);
    }
}
