package org.peershelf.app.desktop.downloads;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.peershelf.app.desktop.repository.DesktopResources;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.transfer.DownloadProgress;

/** What the Downloads tab needs from the transfer service; {@link #of} adapts the peer's. */
public interface DownloadService {
    /** Starts a download; completes when it has begun (or failed to, e.g. no longer published). */
    CompletableFuture<Void> download(ResourceId id);

    void pause(ResourceId id);

    void resume(ResourceId id);

    void cancel(ResourceId id);

    List<DownloadProgress> all();

    /** Progress reports, on the UI thread. */
    Runnable subscribe(Consumer<? super DownloadProgress> listener);

    /** The held copy of the resource's first file, once downloaded (disk: call off the UI thread). */
    Optional<Path> firstFile(ResourceId id);

    static DownloadService of(DesktopResources resources) {
        return new DownloadService() {
            @Override
            public CompletableFuture<Void> download(ResourceId id) {
                return resources.transfers().download(id);
            }

            @Override
            public void pause(ResourceId id) {
                resources.transfers().pause(id);
            }

            @Override
            public void resume(ResourceId id) {
                resources.transfers().resume(id);
            }

            @Override
            public void cancel(ResourceId id) {
                resources.transfers().cancel(id);
            }

            @Override
            public List<DownloadProgress> all() {
                return resources.transfers().all();
            }

            @Override
            public Runnable subscribe(Consumer<? super DownloadProgress> listener) {
                return resources.transfers().subscribe(listener);
            }

            @Override
            public Optional<Path> firstFile(ResourceId id) {
                return resources.repository().fileOf(id, 0);
            }
        };
    }
}
