package org.peershelf.protocol.chat.failover;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.Links;
import org.peershelf.protocol.node.PeerLink;

/**
 * Latency scores for host elections: a member's score for a room is the mean smoothed RTT of its links to the
 * other members (plus its configured penalty). Each member computes its own and shares it; received scores expire
 * after {@code maxAgeMillis} so a member that went quiet is not elected on old figures.
 */
public final class LatencyScores {
    private record Received(double millis, long atMillis) {
    }

    private final Links links;
    private final DeviceId self;
    private final double penaltyMillis;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final Map<String, Received> received = new ConcurrentHashMap<>();

    public LatencyScores(Links links, DeviceId self, double penaltyMillis, long maxAgeMillis, LongSupplier clock) {
        this.links = links;
        this.self = self;
        this.penaltyMillis = penaltyMillis;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    /** This device's score for a room with these members; NaN when it has no measured link to any of them. */
    public double own(Collection<DeviceId> members) {
        double sum = 0;
        int n = 0;
        for (DeviceId member : members) {
            if (member.equals(self)) {
                continue;
            }
            double rtt = links.get(member).filter(PeerLink::isOpen).map(l -> l.rtt().smoothedMillis()).orElse(Double.NaN);
            if (!Double.isNaN(rtt)) {
                sum += rtt;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n + penaltyMillis;
    }

    public void record(String roomId, DeviceId member, double millis) {
        if (Double.isFinite(millis) && millis >= 0) {
            received.put(roomId + "/" + member.value(), new Received(millis, clock.getAsLong()));
        }
    }

    /** The last score {@code member} shared for the room, NaN if none or too old. */
    public double of(String roomId, DeviceId member) {
        Received r = received.get(roomId + "/" + member.value());
        return r == null || clock.getAsLong() - r.atMillis() > maxAgeMillis ? Double.NaN : r.millis();
    }
}
