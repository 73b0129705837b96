package org.peershelf.protocol.resource.transfer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import org.peershelf.protocol.identity.DeviceId;

/**
 * Which chunk is asked of which holder right now, for the endgame: once nothing is left to hand out, a free lane
 * asks for a chunk that is still outstanding elsewhere (a slow or stuck holder must not hold up the last chunks),
 * and whichever copy verifies first is written. Not thread-safe: the download's lock guards it.
 */
final class OpenRequests {
    /** Holders asked for the same chunk at once, at most: the first one and one in the endgame. */
    static final int MAX_COPIES = 2;

    private final Map<Integer, Set<DeviceId>> byChunk = new HashMap<>();

    void opened(int chunk, DeviceId holder) {
        byChunk.computeIfAbsent(chunk, c -> new HashSet<>()).add(holder);
    }

    /** @return whether another holder still has the chunk open */
    boolean closed(int chunk, DeviceId holder) {
        Set<DeviceId> holders = byChunk.get(chunk);
        if (holders == null) {
            return false;
        }
        holders.remove(holder);
        if (holders.isEmpty()) {
            byChunk.remove(chunk);
            return false;
        }
        return true;
    }

    /** An outstanding chunk not yet done that this holder is not already asked for, with a copy to spare. */
    OptionalInt endgameChunkFor(DeviceId holder, IntPredicate done) {
        int best = -1;
        for (Map.Entry<Integer, Set<DeviceId>> e : byChunk.entrySet()) {
            int chunk = e.getKey();
            if (e.getValue().size() < MAX_COPIES && !e.getValue().contains(holder) && !done.test(chunk)
                    && (best < 0 || chunk < best)) {
                best = chunk;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }
}
