package org.peershelf.app.desktop.downloads;

import java.util.Locale;
import org.peershelf.app.desktop.explore.Sizes;
import org.peershelf.protocol.resource.transfer.DownloadProgress;
import org.peershelf.protocol.resource.transfer.DownloadState;

/** One download as the table shows it, made from its latest progress report. */
public record DownloadRow(DownloadProgress progress) {
    public String title() {
        return progress.title();
    }

    public DownloadState state() {
        return progress.state();
    }

    /** 0…1 for the progress bar. */
    public double fraction() {
        return progress.totalBytes() == 0 ? 1.0 : (double) progress.verifiedBytes() / progress.totalBytes();
    }

    public String stateText() {
        String message = progress.message() == null ? "" : progress.message();
        return switch (progress.state()) {
            case RUNNING -> "Downloading " + progress.percent() + "%";
            case PAUSED -> "Paused at " + progress.percent() + "%";
            case WAITING -> message.isEmpty() ? "Waiting: no holder online" : "Waiting: " + message;
            case COMPLETED -> "Finished";
            case FAILED -> message.isEmpty() ? "Failed" : "Failed: " + message;
            case CANCELLED -> "Cancelled";
        };
    }

    public String sizeText() {
        return Sizes.human(progress.verifiedBytes()) + " of " + Sizes.human(progress.totalBytes());
    }

    public String rateText() {
        return progress.state() == DownloadState.RUNNING && progress.bytesPerSecond() > 0
                ? Sizes.human((long) progress.bytesPerSecond()) + "/s" : "";
    }

    public String etaText() {
        long eta = progress.etaSeconds();
        if (progress.state() != DownloadState.RUNNING || eta < 0) {
            return "";
        }
        if (eta < 60) {
            return "about " + Math.max(1, eta) + " s";
        }
        return eta < 3600 ? String.format(Locale.ROOT, "about %d min", (eta + 59) / 60)
                : String.format(Locale.ROOT, "about %.1f h", eta / 3600.0);
    }

    public String holdersText() {
        int n = progress.holders().size();
        return progress.state() != DownloadState.RUNNING ? "" : n == 1 ? "from 1 holder" : "from " + n + " holders";
    }

    public boolean canPause() {
        return progress.state() == DownloadState.RUNNING || progress.state() == DownloadState.WAITING;
    }

    public boolean canResume() {
        return progress.state() == DownloadState.PAUSED;
    }

    public boolean canCancel() {
        return !progress.state().finished();
    }

    public boolean canOpen() {
        return progress.state() == DownloadState.COMPLETED;
    }
}
