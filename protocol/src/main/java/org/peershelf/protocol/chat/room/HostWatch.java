package org.peershelf.protocol.chat.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.failover.Election;
import org.peershelf.protocol.chat.failover.LatencyScores;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.RoomRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Member-side failover. When the link to a room's host is lost and a redial fails, each member elects the
 * reachable member with the lowest latency score ({@link Election}); the winner claims the room in the registry
 * with a compare-and-set on the epoch, so only one claim can succeed, and then takes over. The others wait for
 * it; if it does not take over within {@code claimWait} they leave it out and elect again. Everything runs on the
 * chat thread.
 */
final class HostWatch {
    private static final Logger LOG = LoggerFactory.getLogger(HostWatch.class);

    private final ChatContext ctx;
    private final RoomBook book;
    private final HostHandover handover;
    private final RoomMembership membership;
    private final RoomHosting hosting;
    private final LatencyScores scores;
    private final Set<DeviceId> checking = ConcurrentHashMap.newKeySet();
    private final Set<String> electing = ConcurrentHashMap.newKeySet();

    HostWatch(ChatContext ctx, RoomBook book, HostHandover handover, RoomMembership membership, RoomHosting hosting,
              LatencyScores scores) {
        this.ctx = ctx;
        this.book = book;
        this.handover = handover;
        this.membership = membership;
        this.hosting = hosting;
        this.scores = scores;
    }

    /** A link went down (called on a network thread): check the rooms it hosted after the grace period. */
    void onLinkDown(DeviceId peer) {
        ctx.chatThread().schedule(() -> checkHost(peer), ctx.config().failoverGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Periodic: a host we have no link to (e.g. it vanished while we were starting) is checked too. */
    void tick() {
        Set<DeviceId> hosts = new HashSet<>();
        for (Room room : followedRooms(null)) {
            DeviceId host = room.host();
            if (ctx.node().links().get(host).filter(PeerLink::isOpen).isEmpty()) {
                hosts.add(host);
            }
        }
        hosts.forEach(this::checkHost);
    }

    private List<Room> followedRooms(DeviceId host) {
        return book.all().stream().filter(room -> {
            RoomMeta meta = room.meta();
            return !room.isHost() && !meta.left() && !meta.deleted() && (host == null || room.host().equals(host));
        }).toList();
    }

    private void checkHost(DeviceId host) {
        List<Room> rooms = followedRooms(host);
        if (rooms.isEmpty() || !checking.add(host)) {
            return;
        }
        try {
            if (ctx.node().links().get(host).filter(PeerLink::isOpen).isPresent()) {
                return;
            }
            try {
                ctx.mesh().linkTo(host).get(ctx.node().config().dialTimeout().toMillis(), TimeUnit.MILLISECONDS);
                rooms.forEach(membership::sync);
                return;
            } catch (Exception unreachable) {
                LOG.info("The host {} of {} room(s) is unreachable; electing a new host", host.shortForm(), rooms.size());
            }
            rooms.forEach(room -> elect(room, host, Set.of()));
        } finally {
            checking.remove(host);
        }
    }

    private void elect(Room room, DeviceId oldHost, Set<DeviceId> excluded) {
        if (!room.host().equals(oldHost) || room.isHost()) {
            return; // someone took over meanwhile
        }
        long epoch = room.epoch();
        Optional<RoomRecord> record;
        try {
            record = ctx.registry().findRoom(room.id);
        } catch (RegistryUnavailableException e) {
            LOG.warn("Cannot elect a host for room {} while the registry is down: {}", room.id, e.getMessage());
            return; // the next tick tries again
        }
        if (record.isEmpty()) {
            return;
        }
        RoomRecord current = record.get();
        if (current.deleted()) {
            markDeleted(room);
            return;
        }
        if (current.epoch() > epoch || !current.currentHost().equals(oldHost)) {
            follow(room, current);
            return;
        }
        Map<DeviceId, Double> candidates = new HashMap<>();
        List<DeviceId> members = room.members();
        for (DeviceId member : members) {
            if (member.equals(oldHost) || excluded.contains(member)) {
                continue;
            }
            if (member.equals(ctx.self())) {
                candidates.put(member, scores.own(members));
            } else if (ctx.node().links().get(member).filter(PeerLink::isOpen).isPresent()) {
                candidates.put(member, scores.of(room.id, member));
            }
        }
        Optional<DeviceId> winner = Election.pick(room.id, epoch, candidates);
        LOG.info("Room {} epoch {}: scores {} -> {}", room.id, epoch, candidates, winner.map(DeviceId::shortForm));
        if (winner.isEmpty()) {
            return;
        }
        if (winner.get().equals(ctx.self())) {
            claim(room, epoch, oldHost);
            return;
        }
        Set<DeviceId> without = new HashSet<>(excluded);
        without.add(winner.get());
        ctx.chatThread().schedule(() -> {
            if (room.epoch() == epoch && room.host().equals(oldHost)) {
                LOG.info("Room {}: {} did not take over in time; electing again without it", room.id,
                        winner.get().shortForm());
                elect(room, oldHost, without);
            }
        }, ctx.config().claimWait().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void claim(Room room, long epoch, DeviceId oldHost) {
        if (!electing.add(room.id)) {
            return;
        }
        try {
            Optional<RoomRecord> claimed = ctx.registry().claimHost(room.id, epoch, ctx.self());
            if (claimed.isPresent()) {
                handover.becomeHost(room, claimed.get(), oldHost);
            } else {
                LOG.info("Room {}: another member claimed epoch {} first", room.id, epoch + 1);
                ctx.registry().findRoom(room.id).ifPresent(r -> follow(room, r));
            }
        } catch (RegistryUnavailableException e) {
            LOG.warn("Could not claim room {}: {}", room.id, e.getMessage());
        } finally {
            electing.remove(room.id);
        }
    }

    /**
     * Aligns a room with the registry (at start, and when an election finds the room already claimed): the
     * registry's host is followed; our epoch is kept until that host's sync reply, which is where lines of a host
     * that lost are dropped.
     */
    void follow(Room room, RoomRecord record) {
        if (record.deleted()) {
            markDeleted(room);
            return;
        }
        if (record.currentHost().equals(ctx.self())) {
            if (!room.isHost() || room.epoch() < record.epoch()) {
                // our claim won but its answer never reached us (a lost reply, or we stopped before saving it):
                // a full takeover still owes the members' newer lines and a new epoch start
                handover.becomeHost(room, record, room.isHost() ? ctx.self() : room.host());
                return;
            }
            hosting.ensureCursors(room);
            hosting.pumpAll(room);
            membership.pumpPosts(room);
            return;
        }
        synchronized (room) {
            if (!room.host().equals(record.currentHost())) {
                room.setMeta(room.meta().withHost(record.currentHost().value(), room.epoch()));
                room.cursors.clear();
                room.posts.newHost();
            }
        }
        book.saveIfDirty(room);
        membership.sync(room);
    }

    void markDeleted(Room room) {
        boolean changed;
        synchronized (room) {
            RoomMeta meta = room.meta();
            changed = !meta.deleted();
            if (changed) {
                room.setMeta(meta.withFlags(true, meta.muted(), meta.left()));
            }
        }
        if (changed) {
            book.saveIfDirty(room);
            LOG.info("Room {} was deleted by its creator; its history stays readable", room.id);
            ctx.events().publish(new ChatEvent.RoomDeleted(room.id));
        }
    }
}
