package org.peershelf.protocol.presence;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.node.PeerUnreachableException;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this device linked to the online devices, up to the link bound (beyond it links open on
 * demand through {@link #linkTo}).
 * <ul>
 *   <li>A device dials every device that was already online when it arrived (its first view), as a
 *       returning device should. Of a pair that appear to each other later, the device with the
 *       smaller id dials (that is the link both keep anyway); the larger one dials only if no link has
 *       come after a grace period, e.g. when it cannot be reached from the other side. This halves the
 *       dials when many devices arrive at once.</li>
 *   <li>At most {@value #MAX_DIALS_IN_FLIGHT} dials run at once, so a device that finds fifty peers
 *       does not time out its own handshakes.</li>
 *   <li>A dial refused outright (nothing listens) earns a disconnect vote at once; a timeout, which a
 *       busy peer can cause, only on the second failure in a row.</li>
 *   <li>A link lost unexpectedly is redialled at once; a device that said goodbye is not.</li>
 * </ul>
 */
public final class Mesh {
    private static final Logger LOG = LoggerFactory.getLogger(Mesh.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    static final int MAX_DIALS_IN_FLIGHT = 3;
    private static final int GRACE_BEATS = 2;

    private final PeerNode node;
    private final PresenceService presence;
    private final Clock clock;
    private final Map<DeviceId, CompletableFuture<PeerLink>> dialing = new ConcurrentHashMap<>();
    private final Map<DeviceId, Failures> failures = new ConcurrentHashMap<>();
    private final Map<DeviceId, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<DeviceId, Long> departedEpoch = new ConcurrentHashMap<>();
    private final Set<DeviceId> votedAgainst = ConcurrentHashMap.newKeySet();
    private Long firstViewAtMillis;
    private volatile boolean stopped;

    private record Failures(int count, long notBeforeMillis, long stepMillis) {
    }

    public Mesh(PeerNode node, PresenceService presence, Clock clock) {
        this.node = node;
        this.presence = presence;
        this.clock = clock;
        presence.onView(this::reconcile);
        node.internalEvents().subscribe(this::onNodeEvent);
    }

    /**
     * This device is leaving: dial nobody and vote against nobody from now on, not even for the links
     * our own goodbye closes.
     */
    public void stop() {
        stopped = true;
    }

    /** A link to {@code peer}: the open one, or a new one if the peer is online. */
    public CompletableFuture<PeerLink> linkTo(DeviceId peer) {
        Optional<PeerLink> open = node.links().get(peer);
        if (open.isPresent()) {
            return CompletableFuture.completedFuture(open.get());
        }
        return find(peer).map(this::dial)
                .orElseGet(() -> CompletableFuture.failedFuture(new PeerUnreachableException(peer, "it is not online")));
    }

    private synchronized void reconcile(List<OnlineDevice> online) {
        if (stopped) {
            return;
        }
        long now = clock.millis();
        if (firstViewAtMillis == null) {
            firstViewAtMillis = now;
        }
        departedEpoch.keySet().removeIf(id -> online.stream().noneMatch(d -> d.deviceId().equals(id)));
        firstSeen.keySet().removeIf(id -> online.stream().noneMatch(d -> d.deviceId().equals(id)));
        for (OnlineDevice device : online) {
            DeviceId id = device.deviceId();
            long seen = firstSeen.computeIfAbsent(id, key -> now);
            if (dialing.size() >= MAX_DIALS_IN_FLIGHT || !node.links().hasRoom()) {
                return;
            }
            if (shouldDial(device, now, seen)) {
                dial(device);
            }
        }
    }

    private boolean shouldDial(OnlineDevice device, long now, long seen) {
        DeviceId id = device.deviceId();
        if (node.links().get(id).isPresent() || dialing.containsKey(id)
                || Long.valueOf(device.epoch()).equals(departedEpoch.get(id))) {
            return false;
        }
        Failures failed = failures.get(id);
        if (failed != null && now < failed.notBeforeMillis()) {
            return false;
        }
        boolean wasOnlineBeforeUs = firstViewAtMillis != null && seen == firstViewAtMillis;
        boolean weDial = wasOnlineBeforeUs || node.deviceId().compareTo(id) < 0;
        return weDial || now - seen >= GRACE_BEATS * node.config().heartbeatInterval().toMillis();
    }

    private CompletableFuture<PeerLink> dial(OnlineDevice device) {
        DeviceId id = device.deviceId();
        if (stopped) {
            return CompletableFuture.failedFuture(new PeerUnreachableException(id, "this device is leaving"));
        }
        return dialing.computeIfAbsent(id, key -> node.dial(id, device.host(), device.port())
                .whenComplete((link, error) -> {
                    dialing.remove(id);
                    if (error == null) {
                        failures.remove(id);
                    } else {
                        onDialFailed(device, unwrap(error));
                    }
                    reconcile(presence.view());
                }));
    }

    private void onDialFailed(OnlineDevice device, Throwable error) {
        DeviceId id = device.deviceId();
        if (stopped || error instanceof ProtocolException p && ErrorCodes.DUPLICATE_LINK.equals(p.code())
                || node.links().get(id).isPresent()) {
            return; // the other side linked to us meanwhile
        }
        Failures previous = failures.get(id);
        long step = previous == null ? node.config().heartbeatInterval().toMillis()
                : Math.min(previous.stepMillis() * 2, MAX_BACKOFF_MILLIS);
        int count = previous == null ? 1 : previous.count() + 1;
        failures.put(id, new Failures(count, clock.millis() + step, step));
        LOG.info("Cannot reach {} at {}:{} (attempt {}): {}", id.shortForm(), device.host(), device.port(), count,
                error.getMessage());
        boolean refused = error instanceof PeerUnreachableException u && u.refused();
        if (refused || count >= 2) {
            votedAgainst.add(id);
            presence.voteAgainst(device);
        }
    }

    private void onNodeEvent(NodeEvent event) {
        if (event instanceof NodeEvent.LinkUp up) {
            failures.remove(up.peer());
            if (votedAgainst.remove(up.peer())) {
                presence.withdrawVote(up.peer());
            }
        } else if (event instanceof NodeEvent.LinkDown down) {
            onLinkDown(down);
        }
    }

    private void onLinkDown(NodeEvent.LinkDown down) {
        Optional<OnlineDevice> device = find(down.peer());
        if (down.peerLeft()) {
            device.ifPresent(d -> departedEpoch.put(d.deviceId(), d.epoch()));
            presence.refreshSoon();
            return;
        }
        // redial at once: a peer that is gone is refused at once and gets our vote
        device.ifPresent(this::dial);
    }

    private Optional<OnlineDevice> find(DeviceId peer) {
        return presence.view().stream().filter(d -> d.deviceId().equals(peer)).findFirst();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
