package org.peershelf.protocol.resource.publish;

import java.util.Objects;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.resource.ResourceId;

/**
 * One queued registry write, as stored in the outbox (JSON). Flat rather than a sealed hierarchy so an older
 * version can still read the fields it knows; every kind is idempotent on the registry side, which is what makes
 * at-least-once delivery exactly once in effect.
 *
 * @param device   the holder to drop for {@link Kind#DROP_HOLDER}; null otherwise
 * @param atMillis when it was asked for: the publication time and holder time sent, kept across resends
 */
public record OutboxOperation(Kind kind, ResourceId resource, DeviceId device, long atMillis) {
    public enum Kind {
        /** List the held resource and record this device as a holder. */
        PUBLISH,
        /** Take the resource off the catalogue. */
        UNPUBLISH,
        /** Record this device as a holder. */
        HOLD,
        /** Remove this device's holder record. */
        UNHOLD,
        /** Remove another device's holder record (it answered "not held"). */
        DROP_HOLDER,
        /**
         * At start: record this device as holder of everything in its repository and remove its holder records of
         * resources it no longer has; {@code resource} is null.
         */
        SYNC_HOLDINGS
    }

    public OutboxOperation {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SYNC_HOLDINGS) != (resource == null)) {
            throw new IllegalArgumentException("a resource is needed for every kind but SYNC_HOLDINGS");
        }
        if ((kind == Kind.DROP_HOLDER) != (device != null)) {
            throw new IllegalArgumentException("a device is needed exactly for DROP_HOLDER");
        }
    }
}
