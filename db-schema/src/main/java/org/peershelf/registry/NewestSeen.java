package org.peershelf.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the newest version (a room's epoch, a profile's updatedAt) this client has read per key,
 * so an older, validly signed document a registry user puts back is recognised as a replay. Only
 * what this process has seen: a fresh reader cannot tell (see docs/SECURITY.md).
 */
final class NewestSeen {
    private static final int MAX_KEYS = 100_000;
    private final Map<String, Long> newest = new ConcurrentHashMap<>();

    /** True if {@code version} is at least the newest seen for {@code key} (and remembers it). */
    boolean accept(String key, long version) {
        Long seen = newest.get(key);
        if (seen != null && version < seen) {
            return false;
        }
        if (seen != null || newest.size() < MAX_KEYS) {
            newest.merge(key, version, Math::max);
        }
        return true;
    }
}
