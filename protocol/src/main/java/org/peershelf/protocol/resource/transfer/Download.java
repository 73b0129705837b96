package org.peershelf.protocol.resource.transfer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.peershelf.protocol.identity.DeviceId;
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
    private static final long BUSY_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int MAX_TRANSPORT_FAILURES = 3;

    private final Resource resource;
    private final PartialDownload partial;
    private final TransferContext ctx;
    private final Deque<Integer> todo = new ArrayDeque<>();
    private final HolderLanes lanes;
    private final OpenRequests open = new OpenRequests();
    private final ProgressMeter meter;
    private DownloadState state = DownloadState.RUNNING;
    private String message = "";
    private boolean finishing;
    private long fetched;

    Download(PartialDownload partial, TransferContext ctx) {
        this.resource = partial.resource();
        this.partial = partial;
        this.ctx = ctx;
        this.meter = new ProgressMeter(partial.verifiedBytes());
        this.lanes = new HolderLanes(resource.id(), ctx, this, new LaneEvents());
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
            lanes.refresh();
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
            lanes.refresh();
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
        List<DeviceId> inUse = lanes.inUse();
        return new DownloadProgress(resource.id(), resource.metadata().title(), state, verified, total, rate, eta, inUse,
                fetched, message);
    }

    private void publish() {
        ctx.events().publish(progress());
    }

    private void waitForHolders(String why) {
        if (state == DownloadState.RUNNING || state == DownloadState.WAITING) {
            if (state != DownloadState.WAITING || !why.equals(message)) {
                LOG.info("Download of {} waits: {}", resource.id().shortForm(), why);
            }
            state = DownloadState.WAITING;
            message = why;
            publish();
            ctx.timers().schedule(lanes::refresh, HolderLanes.RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Fills every ready lane up to its window, fastest holders first. */
    private synchronized void pump() {
        if (state != DownloadState.RUNNING) {
            return;
        }
        List<HolderLane> ordered = lanes.byRate();
        ordered.forEach(lanes::relinkIfClosed);
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
                requeueUnlessCovered(lane, global);
                lanes.drop(lane);
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
                    ctx.registryThread().execute(() -> ctx.holders().dropStaleHolder(resource.id(), lane.holder));
                    lanes.drop(lane);
                }
                case LINK_GONE -> { } // pump() relinks; a failed relink removes the lane
                case TRANSPORT -> {
                    if (++lane.transportFailures >= MAX_TRANSPORT_FAILURES && lanes.isCurrent(lane)) {
                        LOG.info("Lost holder {} of {}: {}", lane.holder.shortForm(), resource.id().shortForm(),
                                error.getMessage());
                        lanes.remove(lane); // may come back at the next look-up; the mesh votes if it is gone
                    }
                }
                case REFUSED -> {
                    LOG.warn("Holder {} refused chunk {} of {}: {}", lane.holder.shortForm(), global,
                            resource.id().shortForm(), error.getMessage());
                    lanes.drop(lane);
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

    /** The download's side of {@link HolderLanes}; called with this download's monitor held. */
    private final class LaneEvents implements HolderLanes.Owner {
        @Override
        public boolean wantsHolders() {
            return state == DownloadState.RUNNING || state == DownloadState.WAITING;
        }

        @Override
        public boolean hasWork() {
            return !todo.isEmpty();
        }

        @Override
        public void laneReady() {
            if (state == DownloadState.WAITING) {
                state = DownloadState.RUNNING;
                message = "";
                publish();
            }
            pump();
        }

        @Override
        public void noHolders(String why) {
            waitForHolders(why);
        }
    }
}
