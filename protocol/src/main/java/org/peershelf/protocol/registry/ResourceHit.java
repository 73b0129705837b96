package org.peershelf.protocol.registry;

import java.util.Objects;

/**
 * One search result.
 *
 * @param onlineHolders how many of its holders are on the fresh online list; {@link #availableNow()} if at least one
 */
public record ResourceHit(PublishedResource published, int holders, int onlineHolders) {
    public ResourceHit {
        Objects.requireNonNull(published, "published");
    }

    public boolean availableNow() {
        return onlineHolders > 0;
    }
}
