package org.peershelf.protocol.resource.transfer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.resource.FileHasher;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download: chunks are pulled from every usable holder at once, {@code inFlightPerHolder} open at each, so a
 * holder that answers faster is asked more often and ends up serving more; when chunks run short the fastest
 * holders (by measured rate) are asked first. Every chunk's SHA-256 is checked before it is written. A holder that
 * sends a bad chunk, or answers "not held" (its record is then dropped from the registry), is not asked again by
 * this download; an unreachable one is left to the mesh's disconnect vote and may be tried again later. With no
 * usable holder the download waits and looks again every few seconds. Endgame: once every chunk is handed out, a
 * lane with room also asks for chunks still outstanding at another holder ({@link OpenRequests}), so a slow or
 * stuck holder cannot hold up the last chunks; the first copy that verifies is written, a later one is ignored.
 */
final class Download {
    private static final Logger LOG = LoggerFactory.getLogger(Download.class);
    private static final long RETRY_MILLIS = 2_000;
    private static final long BUSY_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int MAX_TRANSPORT_FAILURES = 3;

    private final Resource resource;
    private final PartialDownload partial;
    private final TransferContext ctx;
    private final Deque<Integer> todo = new ArrayDeque<>();
    private final Map<DeviceId, HolderLane> lanes = new LinkedHashMap<>();
    private final Set<DeviceId> dropped = new HashSet<>();
    private final OpenRequests open = new OpenRequests();
    private final ProgressMeter meter;
    private DownloadState state = DownloadState.RUNNING;
    private String message = "";
    private boolean refreshing;
    private boolean finishing;
    private long fetched;

    Download(PartialDownload partial, TransferContext ctx) {
        this.resource = partial.resource();
        this.partial = partial;
        this.ctx = ctx;
        this.meter = new ProgressMeter(partial.verifiedBytes());
        for (int c = 0; c < partial.totalChunks(); c++) {
            if (!partial.isVerified(c)) {
                todo.add(c);
            }
        }
    }

    ResourceId id() {
        return resource.id();
    }

    void start() {
        if (!enoughSpace()) {
            return;
        }
        LOG.info("Downloading {} \"{}\": {} of {} chunks still to fetch", resource.id().shortForm(),
                resource.metadata().title(), todo.size(), partial.totalChunks());
        if (todo.isEmpty()) {
            ctx.workers().execute(this::finish);
        } else {
            refreshHolders();
        }
    }

    /** Fails at once, keeping what is verified, when the disk cannot take the rest. */
    private boolean enoughSpace() {
        Optional<String> shortage = DiskSpace.shortage(ctx.space(), partial.folder(),
                resource.manifest().totalSize() - partial.verifiedBytes());
        shortage.ifPresent(this::fail);
        return shortage.isEmpty();
    }

    synchronized DownloadState state() {
        return state;
    }

    synchronized void pause() {
        if (!state.finished()) {
            state = DownloadState.PAUSED;
            message = "";
            publish();
        }
    }

    synchronized void resume() {
        if (state == DownloadState.PAUSED) {
            state = DownloadState.RUNNING;
            publish();
            refreshHolders();
            pump();
        }
    }

    void cancel() {
        synchronized (this) {
            if (state.finished()) {
                return;
            }
            state = DownloadState.CANCELLED;
            message = "";
            publish();
        }
        partial.delete();
        LOG.info("Cancelled the download of {}", resource.id().shortForm());
    }

    /** Called a few times a second: reports progress while the download is active. */
    synchronized void tick() {
        if (state == DownloadState.RUNNING || state == DownloadState.WAITING) {
            publish();
        }
    }

    synchronized DownloadProgress progress() {
        long verified = partial.verifiedBytes();
        double rate = meter.rate(verified);
        long total = resource.manifest().totalSize();
        long eta = rate > 0 ? (long) Math.ceil((total - verified) / rate) : -1;
        List<DeviceId> inUse = lanes.values().stream().filter(l -> l.link != null).map(l -> l.holder).toList();
        return new DownloadProgress(resource.id(), resource.metadata().title(), state, verified, total, rate, eta, inUse,
                fetched, message);
    }

    private void publish() {
        ctx.events().publish(progress());
    }

    /** Asks the registry (on its own thread) for online holders and opens lanes to new ones. */
    private synchronized void refreshHolders() {
        if (refreshing || state != DownloadState.RUNNING && state != DownloadState.WAITING) {
            return;
        }
        refreshing = true;
        ctx.registryThread().execute(() -> {
            List<DeviceId> online;
            try {
                online = ctx.holders().onlineHolders(resource.id());
            } catch (RegistryUnavailableException e) {
                synchronized (this) {
                    refreshing = false;
                    waitForHolders("The registry cannot be reached: " + e.getMessage());
                }
                return;
            }
            synchronized (this) {
                refreshing = false;
                for (DeviceId holder : online) {
                    if (!holder.equals(ctx.self()) && !dropped.contains(holder) && !lanes.containsKey(holder)
                            && lanes.size() < ctx.settings().maxHolders()) {
                        openLane(holder);
                    }
                }
                if (lanes.isEmpty()) {
                    waitForHolders("No holder online.");
                }
            }
        });
    }

    private void waitForHolders(String why) {
        if (state == DownloadState.RUNNING || state == DownloadState.WAITING) {
            if (state != DownloadState.WAITING || !why.equals(message)) {
                LOG.info("Download of {} waits: {}", resource.id().shortForm(), why);
            }
            state = DownloadState.WAITING;
            message = why;
            publish();
            ctx.timers().schedule(this::refreshHolders, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void openLane(DeviceId holder) {
        HolderLane lane = new HolderLane(holder);
        lanes.put(holder, lane);
        ctx.mesh().linkTo(holder).whenComplete((link, error) -> {
            synchronized (this) {
                if (error != null) {
                    // Mesh.linkTo already voted against it if it is really gone
                    LOG.info("Holder {} of {} cannot be reached: {}", holder.shortForm(), resource.id().shortForm(),
                            ChunkFailure.unwrap(error).getMessage());
                    removeLane(lane);
                    return;
                }
                lane.link = link;
                if (state == DownloadState.WAITING) {
                    state = DownloadState.RUNNING;
                    message = "";
                    publish();
                }
                pump();
            }
        });
    }

    private void removeLane(HolderLane lane) {
        lanes.remove(lane.holder, lane);
        if (lanes.isEmpty() && !todo.isEmpty()) {
            refreshHolders();
        } else if (!dropped.contains(lane.holder)) {
            // it may only have lost its link for a moment: look again soon
            ctx.timers().schedule(this::refreshHolders, RETRY_MILLIS / 2, TimeUnit.MILLISECONDS);
        }
    }

    /** The lane's link closed (lost, or superseded by a duplicate link): ask the mesh for the current one. */
    private void relink(HolderLane lane) {
        lane.relinking = true;
        ctx.mesh().linkTo(lane.holder).whenComplete((link, error) -> {
            synchronized (this) {
                lane.relinking = false;
                if (error == null) {
                    lane.link = link;
                    pump();
                } else if (lanes.get(lane.holder) == lane) {
                    LOG.info("Lost holder {} of {}: {}", lane.holder.shortForm(), resource.id().shortForm(),
                            ChunkFailure.unwrap(error).getMessage());
                    removeLane(lane);
                }
            }
        });
    }

    /** Fills every ready lane up to its window, fastest holders first. */
    private synchronized void pump() {
        if (state != DownloadState.RUNNING) {
            return;
        }
        List<HolderLane> ordered = new ArrayList<>(lanes.values());
        ordered.sort(Comparator.comparingDouble(HolderLane::rate).reversed());
        for (HolderLane lane : ordered) {
            if (lane.link != null && !lane.link.isOpen() && !lane.relinking) {
                relink(lane);
            }
        }
        boolean progress = true;
        while (progress && !todo.isEmpty()) {
            progress = false;
            for (HolderLane lane : ordered) {
                if (!todo.isEmpty() && lane.ready(ctx.settings().inFlightPerHolder())) {
                    request(lane, todo.poll());
                    progress = true;
                }
            }
        }
        if (todo.isEmpty()) { // endgame: free lanes also ask for what is still outstanding at other holders
            for (HolderLane lane : ordered) {
                while (lane.ready(ctx.settings().inFlightPerHolder())) {
                    var chunk = open.endgameChunkFor(lane.holder, partial::isVerified);
                    if (chunk.isEmpty()) {
                        break;
                    }
                    request(lane, chunk.getAsInt());
                }
            }
        }
        long waitNanos = ordered.stream().filter(l -> l.link != null && l.inFlight == 0)
                .mapToLong(l -> l.notBeforeNanos - System.nanoTime()).filter(n -> n > 0).min().orElse(0);
        if (waitNanos > 0 && !todo.isEmpty()) {
            ctx.timers().schedule(this::pump, waitNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void request(HolderLane lane, int global) {
        lane.inFlight++;
        open.opened(global, lane.holder);
        int file = partial.fileOf(global);
        ctx.client().fetch(lane.link, resource.id(), file, partial.chunkInFile(global), partial.lengthOf(global))
                .whenComplete((bytes, error) -> {
                    if (error == null) {
                        onBytes(lane, global, bytes);
                    } else {
                        onFailure(lane, global, ChunkFailure.unwrap(error));
                    }
                });
    }

    /** Closes the request; the chunk goes back to the queue unless done or still open at another holder. */
    private void requeueUnlessCovered(HolderLane lane, int global) {
        if (!open.closed(global, lane.holder) && !partial.isVerified(global) && !todo.contains(global)) {
            todo.addFirst(global);
        }
    }

    private void onBytes(HolderLane lane, int global, byte[] bytes) {
        boolean duplicate;
        synchronized (this) {
            fetched++;
            duplicate = partial.isVerified(global); // the endgame's other copy won
        }
        if (duplicate) {
            synchronized (this) {
                lane.inFlight--;
                open.closed(global, lane.holder);
                lane.received(bytes.length);
                pump();
            }
            return;
        }
        if (!FileHasher.sha256Hex(bytes, 0, bytes.length).equals(partial.hashOf(global))) {
            LOG.warn("Holder {} sent a bad chunk {} of {}; not asking it again for this download",
                    lane.holder.shortForm(), global, resource.id().shortForm());
            synchronized (this) {
                lane.inFlight--;
                dropped.add(lane.holder);
                requeueUnlessCovered(lane, global);
                removeLane(lane);
                pump();
            }
            return;
        }
        try {
            synchronized (this) {
                if (state.finished()) {
                    return;
                }
            }
            partial.write(global, bytes);
        } catch (IOException e) {
            fail(DiskSpace.writeFailure(e));
            return;
        }
        boolean done;
        synchronized (this) {
            lane.inFlight--;
            open.closed(global, lane.holder);
            lane.transportFailures = 0;
            lane.received(bytes.length);
            done = partial.verifiedCount() == partial.totalChunks() && !finishing;
            if (done) {
                finishing = true;
            } else {
                pump();
            }
        }
        if (done) {
            finish();
        }
    }

    private void onFailure(HolderLane lane, int global, Throwable error) {
        synchronized (this) {
            lane.inFlight--;
            requeueUnlessCovered(lane, global);
            if (state.finished()) {
                return;
            }
            switch (ChunkFailure.of(error, lane.link != null && lane.link.isOpen())) {
                case BUSY -> lane.notBeforeNanos = System.nanoTime() + BUSY_BACKOFF_NANOS;
                case NOT_HELD -> {
                    LOG.info("Holder {} no longer holds {}; dropping its holder record", lane.holder.shortForm(),
                            resource.id().shortForm());
                    dropped.add(lane.holder);
                    ctx.registryThread().execute(() -> ctx.holders().dropStaleHolder(resource.id(), lane.holder));
                    removeLane(lane);
                }
                case LINK_GONE -> { } // pump() relinks; a failed relink removes the lane
                case TRANSPORT -> {
                    if (++lane.transportFailures >= MAX_TRANSPORT_FAILURES && lanes.get(lane.holder) == lane) {
                        LOG.info("Lost holder {} of {}: {}", lane.holder.shortForm(), resource.id().shortForm(),
                                error.getMessage());
                        removeLane(lane); // may come back at the next look-up; the mesh votes if it is gone
                    }
                }
                case REFUSED -> {
                    LOG.warn("Holder {} refused chunk {} of {}: {}", lane.holder.shortForm(), global,
                            resource.id().shortForm(), error.getMessage());
                    dropped.add(lane.holder);
                    removeLane(lane);
                }
            }
            pump();
        }
    }

    private void finish() {
        try {
            partial.force();
            partial.close();
            ctx.repository().importVerified(resource, partial.filesFolder());
            partial.delete();
        } catch (IOException | RuntimeException e) {
            fail("Could not take the download into the repository: " + e.getMessage());
            return;
        }
        ctx.holders().becameHolder(resource.id());
        synchronized (this) {
            state = DownloadState.COMPLETED;
            message = "";
            LOG.info("Downloaded {} \"{}\" ({} bytes)", resource.id().shortForm(), resource.metadata().title(),
                    resource.manifest().totalSize());
            publish();
        }
    }

    private void fail(String why) {
        synchronized (this) {
            if (state.finished()) {
                return;
            }
            state = DownloadState.FAILED;
            message = why;
            LOG.error("Download of {} failed: {}", resource.id().shortForm(), why);
            publish();
        }
        partial.close();
    }
}
