package org.peershelf.protocol.resource;

import java.util.Objects;

/**
 * A resource: its metadata, its files and the id derived from both. The constructor checks that the id is the one
 * the content gives, so a resource decoded from a peer or from disk cannot carry someone else's id.
 */
public record Resource(ResourceId id, ResourceMetadata metadata, Manifest manifest) {
    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(manifest, "manifest");
        ResourceId derived = CanonicalForm.idOf(metadata, manifest);
        if (!derived.equals(id)) {
            throw new InvalidManifestException("The resource id " + id.shortForm()
                    + " does not match its metadata and files (they give " + derived.shortForm() + ").");
        }
    }

    /** The resource with the id its content gives. */
    public static Resource of(ResourceMetadata metadata, Manifest manifest) {
        return new Resource(CanonicalForm.idOf(metadata, manifest), metadata, manifest);
    }
}
