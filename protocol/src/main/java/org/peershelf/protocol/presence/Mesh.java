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
 * Keeps this device linked to the online devices: dials each one it has no link to (up to the link
 * bound; beyond it links open on demand), redials at once when a link drops, and votes against a
 * device it cannot reach. A device that said goodbye is not redialled or voted against.
 */
public final class Mesh {
    private static final Logger LOG = LoggerFactory.getLogger(Mesh.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final PeerNode node;
    private final PresenceService presence;
    private final Clock clock;
    private final Map<DeviceId, CompletableFuture<PeerLink>> dialing = new ConcurrentHashMap<>();
    private final Map<DeviceId, Backoff> backoff = new ConcurrentHashMap<>();
    private final Map<DeviceId, Long> departedEpoch = new ConcurrentHashMap<>();
    private final Set<DeviceId> votedAgainst = ConcurrentHashMap.newKeySet();

    private record Backoff(long notBeforeMillis, long stepMillis) {
    }

    public Mesh(PeerNode node, PresenceService presence, Clock clock) {
        this.node = node;
        this.presence = presence;
        this.clock = clock;
        presence.onView(this::reconcile);
        node.internalEvents().subscribe(this::onNodeEvent);
    }

    /** A link to {@code peer}: the open one, or a new one if the peer is online. */
    public CompletableFuture<PeerLink> linkTo(DeviceId peer) {
        Optional<PeerLink> open = node.links().get(peer);
        if (open.isPresent()) {
            return CompletableFuture.completedFuture(open.get());
        }
        return presence.view().stream().filter(d -> d.deviceId().equals(peer)).findFirst()
                .map(this::dial)
                .orElseGet(() -> CompletableFuture.failedFuture(new PeerUnreachableException(peer, "it is not online")));
    }

    private void reconcile(List<OnlineDevice> online) {
        long now = clock.millis();
        departedEpoch.keySet().removeIf(id -> online.stream().noneMatch(d -> d.deviceId().equals(id)));
        for (OnlineDevice device : online) {
            DeviceId id = device.deviceId();
            if (node.links().get(id).isPresent() || dialing.containsKey(id) || !node.links().hasRoom()
                    || Long.valueOf(device.epoch()).equals(departedEpoch.get(id))) {
                continue;
            }
            Backoff wait = backoff.get(id);
            if (wait == null || now >= wait.notBeforeMillis()) {
                dial(device);
            }
        }
    }

    private CompletableFuture<PeerLink> dial(OnlineDevice device) {
        DeviceId id = device.deviceId();
        return dialing.computeIfAbsent(id, key -> node.dial(id, device.host(), device.port())
                .whenComplete((link, error) -> {
                    dialing.remove(id);
                    if (error == null) {
                        backoff.remove(id);
                    } else {
                        onDialFailed(device, unwrap(error));
                    }
                }));
    }

    private void onDialFailed(OnlineDevice device, Throwable error) {
        DeviceId id = device.deviceId();
        if (error instanceof ProtocolException p && ErrorCodes.DUPLICATE_LINK.equals(p.code())
                || node.links().get(id).isPresent()) {
            return; // the other side linked to us meanwhile
        }
        long step = Optional.ofNullable(backoff.get(id)).map(b -> Math.min(b.stepMillis() * 2, MAX_BACKOFF_MILLIS))
                .orElse(node.config().heartbeatInterval().toMillis());
        backoff.put(id, new Backoff(clock.millis() + step, step));
        LOG.info("Cannot reach {} at {}:{}: {}", id.shortForm(), device.host(), device.port(), error.getMessage());
        if (error instanceof PeerUnreachableException || error instanceof ProtocolException) {
            votedAgainst.add(id);
            presence.voteAgainst(device);
        }
    }

    private void onNodeEvent(NodeEvent event) {
        if (event instanceof NodeEvent.LinkUp up) {
            backoff.remove(up.peer());
            if (votedAgainst.remove(up.peer())) {
                presence.withdrawVote(up.peer());
            }
        } else if (event instanceof NodeEvent.LinkDown down) {
            onLinkDown(down);
        }
    }

    private void onLinkDown(NodeEvent.LinkDown down) {
        Optional<OnlineDevice> device = presence.view().stream().filter(d -> d.deviceId().equals(down.peer())).findFirst();
        if (down.peerLeft()) {
            device.ifPresent(d -> departedEpoch.put(d.deviceId(), d.epoch()));
            presence.refreshSoon();
            return;
        }
        // redial at once: a peer that is gone fails fast (connection refused) and gets our vote
        device.ifPresent(this::dial);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
