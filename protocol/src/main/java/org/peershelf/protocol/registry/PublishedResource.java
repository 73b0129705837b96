package org.peershelf.protocol.registry;

import java.util.Objects;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.resource.Resource;

/** A resource as listed in the registry: who published it, from which device, and when. */
public record PublishedResource(Resource resource, UserId owner, DeviceId publishedBy, long publishedAtMillis) {
    public PublishedResource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(publishedBy, "publishedBy");
    }
}
