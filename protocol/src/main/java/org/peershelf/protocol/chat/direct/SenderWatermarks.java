package org.peershelf.protocol.chat.direct;

import java.util.HashMap;
import java.util.Map;

/**
 * The seed's gossip-chat rule: every sender numbers its messages 1, 2, 3…, and a receiver keeps only the highest
 * number seen per sender; anything at or below it is a copy (a resend after a lost acknowledgement) and is not
 * shown again. Sequences come from the sender's persistent outbox, which never reuses an id, so a restart of the
 * sender cannot make new messages look old.
 */
public final class SenderWatermarks {
    private final Map<String, Long> highest = new HashMap<>();

    /** True if {@code seq} is new from {@code sender} (and records it); false for a copy of one already taken. */
    public synchronized boolean accept(String sender, long seq) {
        long seen = highest.getOrDefault(sender, 0L);
        if (seq <= seen) {
            return false;
        }
        highest.put(sender, seq);
        return true;
    }

    /** Takes back {@code seq} if it is still the highest (it could not be stored), so a resend is not a "copy". */
    public synchronized void forget(String sender, long seq) {
        if (highest.getOrDefault(sender, 0L) == seq) {
            highest.put(sender, seq - 1);
        }
    }

    public synchronized long highest(String sender) {
        return highest.getOrDefault(sender, 0L);
    }
}
