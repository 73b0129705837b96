package org.peershelf.protocol.registry;

import java.util.List;
import java.util.Optional;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.resource.ResourceId;

/**
 * The resource catalogue and who holds what. Every write is idempotent, so the outbox can resend after a crash.
 * All methods throw {@link RegistryUnavailableException} when the registry cannot be reached.
 */
public interface ResourceRegistry {
    /** Lists the resource (upsert by id: publishing again changes nothing but the publication record). */
    void publishResource(PublishedResource resource);

    /** Takes the resource off the catalogue; unknown ids are fine. Holder records stay until their holders drop them. */
    void unpublishResource(ResourceId id);

    Optional<PublishedResource> findResource(ResourceId id);

    /** Records that {@code holder} can serve the resource (upsert). */
    void addHolder(ResourceId id, DeviceId holder, long nowMillis);

    void removeHolder(ResourceId id, DeviceId holder);

    /** Every device that said it holds the resource, online or not. */
    List<DeviceId> holders(ResourceId id);

    /** Every resource the device said it holds (its holder records), published or not. */
    List<ResourceId> heldBy(DeviceId device);

    ResourcePage search(ResourceQuery query);
}
