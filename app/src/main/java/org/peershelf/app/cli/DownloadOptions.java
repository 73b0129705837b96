package org.peershelf.app.cli;

import java.util.Locale;
import org.peershelf.app.wiring.PeerRuntime;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.transfer.DownloadProgress;
import org.peershelf.protocol.resource.transfer.DownloadState;
import picocli.CommandLine.Option;

/**
 * {@code peershelf node --download <resourceId>}: the headless peer downloads a published resource from its online
 * holders and stays up as a new holder. Prints {@code DOWNLOAD id=… 42% …} as it goes (also for downloads resumed
 * after a restart), {@code DOWNLOADED id=… fetched=N chunks=T} when it is in the repository, and
 * {@code DOWNLOAD-FAILED id=… "why"} on an error. {@code --upload-rate} limits what this peer serves.
 */
public final class DownloadOptions {
    @Option(names = "--download", paramLabel = "RESOURCE_ID", description = "Download this resource (64 hex digits).")
    String resourceId;

    @Option(names = "--upload-rate", paramLabel = "BYTES_PER_SECOND",
            description = "Limit uploads to this many bytes per second (default: no limit).", defaultValue = "0")
    long uploadRate;

    /** Checks the flags before the peer starts. */
    void validate() {
        if (resourceId != null && !ResourceId.isValid(resourceId)) {
            throw new IllegalArgumentException("--download needs a resource id of 64 lower-case hex digits.");
        }
        if (uploadRate < 0) {
            throw new IllegalArgumentException("--upload-rate cannot be negative.");
        }
    }

    /** Prints every download's progress and starts the one asked for. */
    void start(PeerRuntime runtime, NodeStatePrinter printer) {
        var transfers = runtime.peer().transfers();
        transfers.setUploadRate(uploadRate);
        transfers.subscribe(progress -> print(progress, printer));
        if (resourceId != null) {
            transfers.download(ResourceId.of(resourceId)).exceptionally(error -> {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                printer.printLine("DOWNLOAD-FAILED id=" + resourceId + " \"" + cause.getMessage() + "\"");
                return null;
            });
        }
    }

    private final java.util.Map<ResourceId, String> lastPrinted = new java.util.concurrent.ConcurrentHashMap<>();

    private void print(DownloadProgress p, NodeStatePrinter printer) {
        String key = p.state() + " " + p.percent() + " " + p.holders().size() + " " + p.message();
        if (key.equals(lastPrinted.put(p.id(), key))) {
            return; // one line per change of percent, state or holders, not four a second
        }
        if (p.state() == DownloadState.COMPLETED) {
            printer.printLine("DOWNLOADED id=" + p.id().hex() + " fetched=" + p.fetchedChunks() + " bytes=" + p.totalBytes());
        } else if (p.state() == DownloadState.FAILED) {
            printer.printLine("DOWNLOAD-FAILED id=" + p.id().hex() + " \"" + p.message() + "\"");
        } else {
            printer.printLine(String.format(Locale.ROOT, "DOWNLOAD id=%s %d%% %s %.1f MB/s eta=%ds holders=%d fetched=%d%s",
                    p.id().hex(), p.percent(), p.state().name().toLowerCase(Locale.ROOT), p.bytesPerSecond() / 1e6,
                    p.etaSeconds(), p.holders().size(), p.fetchedChunks(),
                    p.message().isEmpty() ? "" : " \"" + p.message() + "\""));
        }
    }
}
