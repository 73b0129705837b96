package org.peershelf.protocol.resource.publish;

import java.nio.file.Path;
import java.util.List;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.repository.LocalRepository;

/**
 * What a person does with their shelf, in one step each: share (add to the repository and publish), delete
 * (stop holding, remove the files, drop this device's holder record through the outbox), withdraw (unpublish).
 * Adding hashes the files, so callers run it off the UI thread.
 */
public final class Sharing {
    private final LocalRepository repository;
    private final Publisher publisher;

    public Sharing(LocalRepository repository, Publisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    /** Adds the files with their metadata and queues the publication; returns at once after hashing. */
    public Resource share(ResourceMetadata metadata, List<Path> filesOrFolders) {
        Resource resource = repository.add(metadata, filesOrFolders);
        publisher.publish(resource.id());
        return resource;
    }

    /** A new version of a held resource: same metadata pointing back to it, new files, published. */
    public Resource shareNewVersion(ResourceId previous, String version, List<Path> filesOrFolders) {
        ResourceMetadata old = repository.find(previous).map(Resource::metadata).orElseThrow(() ->
                new IllegalArgumentException("resource " + previous.shortForm() + " is not in the repository"));
        return share(old.asNewVersionOf(previous, version), filesOrFolders);
    }

    /** Deletes the local copy; the registry forgets this device as a holder (once it answers). */
    public void delete(ResourceId id) {
        repository.delete(id);
        publisher.unhold(id);
    }

    /** Takes the resource off the catalogue; the local copy stays. */
    public void withdraw(ResourceId id) {
        publisher.unpublish(id);
    }
}
