package org.peershelf.protocol.resource.transfer;

import java.util.List;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.resource.ResourceId;

/** The registry's view a download needs: who holds a resource and is online now; holder records to change. */
interface HolderSource {
    /** @throws org.peershelf.protocol.registry.RegistryUnavailableException when the registry cannot be reached */
    List<DeviceId> onlineHolders(ResourceId id);

    /** The holder answered "not held": remove its record (through the outbox). */
    void dropStaleHolder(ResourceId id, DeviceId holder);

    /** This device finished downloading the resource: record it as a holder (through the outbox). */
    void becameHolder(ResourceId id);
}
