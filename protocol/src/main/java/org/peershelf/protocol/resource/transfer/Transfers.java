package org.peershelf.protocol.resource.transfer;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.node.PeerNode;
import org.peershelf.protocol.node.Threads;
import org.peershelf.protocol.presence.Mesh;
import org.peershelf.protocol.presence.PresenceService;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.ResourceRegistry;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.publish.Publisher;
import org.peershelf.protocol.resource.repository.LocalRepository;
import org.peershelf.protocol.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads and uploads of resources over the peer links. Serving is on from construction (the handlers are
 * registered before the node starts); downloads run in the background and report {@link DownloadProgress} through
 * the publisher given, on the node's event executor. Downloads interrupted by a crash or a restart resume on
 * {@link #start()} from the chunks already verified.
 */
public final class Transfers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);
    private static final long TICK_MILLIS = 250;

    private final PeerNode node;
    private final ResourceRegistry registry;
    private final PresenceService presence;
    private final LocalRepository repository;
    private final Publisher publisher;
    private final EventPublisher<DownloadProgress> events;
    private final ChunkServer server;
    private final ExecutorService uploads;
    private final ExecutorService registryThread = Executors.newSingleThreadExecutor(Threads.daemon("peershelf-transfer-registry"));
    private final TransferContext ctx;
    private final ChunkClient client;
    private final Map<ResourceId, Download> downloads = new ConcurrentHashMap<>();
    // for the partial downloads' resource.json: a manifest of many files is far larger than a wire payload
    private final WireCodec codec = new WireCodec(256 * 1024 * 1024);
    private ScheduledFuture<?> ticker;
    private volatile SpaceProbe spaceProbe = SpaceProbe.FILE_STORE;

    public Transfers(PeerNode node, Mesh mesh, PresenceService presence, ResourceRegistry registry,
                     LocalRepository repository, Publisher publisher, EventPublisher<DownloadProgress> events,
                     TransferSettings settings) {
        this.node = node;
        this.registry = registry;
        this.presence = presence;
        this.repository = repository;
        this.publisher = publisher;
        this.events = events;
        this.uploads = Executors.newFixedThreadPool(Math.min(settings.maxConcurrentUploads(), 8),
                Threads.daemon("peershelf-upload"));
        this.server = new ChunkServer(repository, settings, uploads);
        this.client = new ChunkClient();
        server.register(node.router());
        client.register(node.router());
        this.ctx = new TransferContext(node.deviceId(), mesh, client, new RegistryHolders(), repository, events,
                settings, node.workers(), registryThread, node.timers(), folder -> spaceProbe.usableBytes(folder));
    }

    /** Resumes downloads a crash or restart interrupted. Call after the node started. */
    public synchronized void start() {
        ticker = node.timers().scheduleAtFixedRate(() -> {
            client.failFetchesOnClosedLinks();
            downloads.values().forEach(Download::tick);
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        for (Resource resource : PartialDownload.interrupted(repository.stagingDir(), codec).toList()) {
            LOG.info("Resuming the interrupted download of {}", resource.id().shortForm());
            begin(resource);
        }
    }

    /**
     * Starts downloading a published resource (looked up in the registry off the caller's thread). Asking for one
     * that is already downloading or held does nothing more.
     */
    public CompletableFuture<Void> download(ResourceId id) {
        if (active(id) || repository.holds(id)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> registry.findResource(id), registryThread).thenAccept(found -> {
            Resource resource = found.orElseThrow(() -> new PeerShelfException(
                    "Resource " + id.shortForm() + " is not published (any more).")).resource();
            begin(resource);
        });
    }

    private synchronized void begin(Resource resource) {
        if (active(resource.id()) || repository.holds(resource.id())) {
            return;
        }
        PartialDownload partial;
        try {
            partial = PartialDownload.open(repository.stagingDir(), resource, codec);
        } catch (IOException e) {
            throw new PeerShelfException("Cannot prepare the download of " + resource.id().shortForm() + ": "
                    + e.getMessage(), e);
        }
        Download download = new Download(partial, ctx);
        downloads.put(resource.id(), download);
        download.start();
    }

    /** A download that failed (e.g. a full disk) or was cancelled may be asked for again: it resumes from its chunks. */
    private boolean active(ResourceId id) {
        Download existing = downloads.get(id);
        return existing != null && (existing.state() == DownloadState.COMPLETED || !existing.state().finished());
    }

    /** Where free space is asked before a download starts; the default asks the file store. */
    public void setSpaceProbe(SpaceProbe probe) {
        this.spaceProbe = java.util.Objects.requireNonNull(probe, "probe");
    }

    public void pause(ResourceId id) {
        find(id).ifPresent(Download::pause);
    }

    public void resume(ResourceId id) {
        find(id).ifPresent(Download::resume);
    }

    public void cancel(ResourceId id) {
        find(id).ifPresent(Download::cancel);
    }

    public Optional<DownloadProgress> progress(ResourceId id) {
        return find(id).map(Download::progress);
    }

    public List<DownloadProgress> all() {
        return downloads.values().stream().map(Download::progress).toList();
    }

    public Runnable subscribe(Consumer<? super DownloadProgress> listener) {
        return events.subscribe(listener);
    }

    /** Changes the upload rate limit (bytes per second over all uploads; 0 = none). */
    public void setUploadRate(long bytesPerSecond) {
        server.setUploadRate(bytesPerSecond);
    }

    public long chunksServed() {
        return server.chunksServed();
    }

    private Optional<Download> find(ResourceId id) {
        return Optional.ofNullable(downloads.get(id));
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        uploads.shutdownNow();
        registryThread.shutdownNow();
    }

    /** Holders from the registry, filtered by the presence service's online view. */
    private final class RegistryHolders implements HolderSource {
        @Override
        public List<DeviceId> onlineHolders(ResourceId id) {
            List<DeviceId> holders = registry.holders(id);
            List<DeviceId> online = presence.view().stream().map(OnlineDevice::deviceId).toList();
            return holders.stream().filter(online::contains).toList();
        }

        @Override
        public void dropStaleHolder(ResourceId id, DeviceId holder) {
            publisher.dropHolder(id, holder);
        }

        @Override
        public void becameHolder(ResourceId id) {
            publisher.hold(id);
        }
    }
}
