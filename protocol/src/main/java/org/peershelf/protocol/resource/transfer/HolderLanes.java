package org.peershelf.protocol.resource.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.resource.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holders one download pulls from: looks up online holders in the registry (on its thread), opens a lane to
 * each usable one, follows a lane whose link closed to the mesh's current link, and remembers the holders this
 * download will not ask again. Its state is guarded by the download's monitor ({@code lock}), which every callback
 * takes before touching it or calling the owner.
 */
final class HolderLanes {
    static final long RETRY_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(HolderLanes.class);

    /** What the download answers and is told; called with its monitor held. */
    interface Owner {
        /** Running or waiting for holders: new lanes are wanted. */
        boolean wantsHolders();

        /** Chunks are still to be handed out. */
        boolean hasWork();

        /** A lane got its link (or a new one): hand it chunks. */
        void laneReady();

        /** No lane is left or none could be found; look again in {@link #RETRY_MILLIS}. */
        void noHolders(String why);
    }

    private final ResourceId resource;
    private final TransferContext ctx;
    private final Object lock;
    private final Owner owner;
    private final Map<DeviceId, HolderLane> lanes = new LinkedHashMap<>();
    private final Set<DeviceId> dropped = new HashSet<>();
    private boolean refreshing;

    HolderLanes(ResourceId resource, TransferContext ctx, Object lock, Owner owner) {
        this.resource = resource;
        this.ctx = ctx;
        this.lock = lock;
        this.owner = owner;
    }

    /** Asks the registry for online holders and opens lanes to new ones. */
    void refresh() {
        synchronized (lock) {
            if (refreshing || !owner.wantsHolders()) {
                return;
            }
            refreshing = true;
        }
        ctx.registryThread().execute(() -> {
            List<DeviceId> online;
            try {
                online = ctx.holders().onlineHolders(resource);
            } catch (RegistryUnavailableException e) {
                synchronized (lock) {
                    refreshing = false;
                    owner.noHolders("The registry cannot be reached: " + e.getMessage());
                }
                return;
            }
            synchronized (lock) {
                refreshing = false;
                for (DeviceId holder : online) {
                    if (!holder.equals(ctx.self()) && !dropped.contains(holder) && !lanes.containsKey(holder)
                            && lanes.size() < ctx.settings().maxHolders()) {
                        open(holder);
                    }
                }
                if (lanes.isEmpty()) {
                    owner.noHolders("No holder online.");
                }
            }
        });
    }

    /** Lanes, fastest measured rate first. */
    List<HolderLane> byRate() {
        List<HolderLane> ordered = new ArrayList<>(lanes.values());
        ordered.sort(Comparator.comparingDouble(HolderLane::rate).reversed());
        return ordered;
    }

    /** Holders with a link, for progress reports. */
    List<DeviceId> inUse() {
        return lanes.values().stream().filter(l -> l.link != null).map(l -> l.holder).toList();
    }

    /** Still this download's lane for its holder (not removed, not replaced). */
    boolean isCurrent(HolderLane lane) {
        return lanes.get(lane.holder) == lane;
    }

    /** Not asked again by this download (a bad chunk, "not held", a refusal). */
    void drop(HolderLane lane) {
        dropped.add(lane.holder);
        remove(lane);
    }

    void remove(HolderLane lane) {
        lanes.remove(lane.holder, lane);
        if (lanes.isEmpty() && owner.hasWork()) {
            refresh();
        } else if (!dropped.contains(lane.holder)) {
            // it may only have lost its link for a moment: look again soon
            ctx.timers().schedule(this::refresh, RETRY_MILLIS / 2, TimeUnit.MILLISECONDS);
        }
    }

    /** A lane whose link closed (lost, or superseded by a duplicate link) asks the mesh for the current one. */
    void relinkIfClosed(HolderLane lane) {
        if (lane.link == null || lane.link.isOpen() || lane.relinking) {
            return;
        }
        lane.relinking = true;
        ctx.mesh().linkTo(lane.holder).whenComplete((link, error) -> {
            synchronized (lock) {
                lane.relinking = false;
                if (error == null) {
                    lane.link = link;
                    owner.laneReady();
                } else if (isCurrent(lane)) {
                    LOG.info("Lost holder {} of {}: {}", lane.holder.shortForm(), resource.shortForm(),
                            ChunkFailure.unwrap(error).getMessage());
                    remove(lane);
                }
            }
        });
    }

    private void open(DeviceId holder) {
        HolderLane lane = new HolderLane(holder);
        lanes.put(holder, lane);
        ctx.mesh().linkTo(holder).whenComplete((link, error) -> {
            synchronized (lock) {
                if (error != null) {
                    // Mesh.linkTo already voted against it if it is really gone
                    LOG.info("Holder {} of {} cannot be reached: {}", holder.shortForm(), resource.shortForm(),
                            ChunkFailure.unwrap(error).getMessage());
                    remove(lane);
                    return;
                }
                lane.link = link;
                owner.laneReady();
            }
        });
    }
}
