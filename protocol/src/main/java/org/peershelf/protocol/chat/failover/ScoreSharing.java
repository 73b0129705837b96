package org.peershelf.protocol.chat.failover;

import java.util.HashMap;
import java.util.Map;
import org.peershelf.protocol.identity.DeviceId;

/**
 * Decides when this device tells a room member its latency score again: the first time, when the score moved by
 * enough to matter to an election (elections treat scores within {@link Election}'s half a millisecond as a tie, so
 * smaller moves hardly change anything), and otherwise every few intervals so the member's copy never expires. Sending every
 * member every score every interval was a steady stream of events (380 a second in a 20-member room at a one-second
 * interval) that an idle room paid for in CPU. Used from the chat thread only.
 */
public final class ScoreSharing {
    /** A score is shared again once it moved by this much (absolute) and this share of the last one shared. */
    static final double MIN_MOVE_MILLIS = Election.TIE_BUCKET_MILLIS;
    static final double MIN_MOVE_SHARE = 0.2;

    private record Shared(double millis, long atMillis) {
    }

    private final long refreshMillis;
    private final Map<String, Shared> last = new HashMap<>();

    /** @param refreshMillis how long a shared score may go unrepeated; below the receivers' expiry */
    public ScoreSharing(long refreshMillis) {
        this.refreshMillis = refreshMillis;
    }

    /** True if {@code member} should be sent {@code score} for the room now (and records that it is). */
    public boolean shouldSend(String roomId, DeviceId member, double score, long nowMillis) {
        String key = roomId + "/" + member.value();
        Shared before = last.get(key);
        boolean send = before == null || nowMillis - before.atMillis() >= refreshMillis
                || Math.abs(score - before.millis()) >= Math.max(MIN_MOVE_MILLIS, MIN_MOVE_SHARE * before.millis());
        if (send) {
            last.put(key, new Shared(score, nowMillis));
        }
        return send;
    }

    /** Forgets what was sent to a member whose link went down: a new link may be to a restarted device. */
    public void forget(DeviceId member) {
        last.keySet().removeIf(key -> key.endsWith("/" + member.value()));
    }
}
