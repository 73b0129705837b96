package org.peershelf.app.desktop.downloads;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.peershelf.app.desktop.notify.Notice;
import org.peershelf.app.desktop.notify.Notifications;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.transfer.DownloadProgress;
import org.peershelf.protocol.resource.transfer.DownloadState;

/**
 * Downloads: one row per download, updated from the transfer service's progress reports; pause, resume,
 * cancel, open when finished, clear the finished ones. Starting a download (from Explore) runs off the UI
 * thread, as it asks the registry. UI thread only.
 */
public final class DownloadsViewModel {
    private final DownloadService service;
    private final BackgroundTasks tasks;
    private final Notifications notices;
    private final ObservableList<DownloadRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<DownloadRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private Runnable unsubscribe = () -> {
    };

    public DownloadsViewModel(DownloadService service, BackgroundTasks tasks, Notifications notices) {
        this.service = service;
        this.tasks = tasks;
        this.notices = notices;
    }

    public void start() {
        unsubscribe = service.subscribe(this::onProgress);
        service.all().forEach(this::onProgress);
    }

    public void stop() {
        unsubscribe.run();
    }

    void onProgress(DownloadProgress progress) {
        DownloadRow row = new DownloadRow(progress);
        int index = indexOf(progress.id());
        DownloadState before = index < 0 ? null : rows.get(index).state();
        if (index < 0) {
            rows.add(0, row);
        } else {
            rows.set(index, row);
        }
        if (selected.get() != null && selected.get().progress().id().equals(progress.id())) {
            selected.set(row);
        }
        if (before != progress.state()) {
            if (progress.state() == DownloadState.COMPLETED) {
                notices.info("Download finished", "\u201C" + progress.title() + "\u201D is in your repository.");
            } else if (progress.state() == DownloadState.FAILED) {
                notices.show(new Notice(Notice.Severity.ERROR, "Download failed: " + progress.title(), progress.message()));
            }
        }
        running.set((int) rows.stream().filter(r -> r.state() == DownloadState.RUNNING).count());
    }

    /** Starts downloading a published resource; what goes wrong before it begins comes back as a notice. */
    public void download(ResourceId id, String title) {
        tasks.run(() -> {
            service.download(id).join();
            return id;
        }, started -> notices.info("Downloading", "\u201C" + title + "\u201D: follow it in Downloads."),
                error -> notices.error("\u201C" + title + "\u201D cannot be downloaded", error));
    }

    public void pause(DownloadRow row) {
        tasks.run(() -> service.pause(row.progress().id()), e -> notices.error("Could not pause", e));
    }

    public void resume(DownloadRow row) {
        tasks.run(() -> service.resume(row.progress().id()), e -> notices.error("Could not resume", e));
    }

    public void cancel(DownloadRow row) {
        tasks.run(() -> service.cancel(row.progress().id()), e -> notices.error("Could not cancel", e));
    }

    public void open(DownloadRow row, Consumer<Path> opener) {
        tasks.run(() -> service.firstFile(row.progress().id()), file -> file.ifPresentOrElse(opener,
                () -> notices.info("Nothing to open", "The downloaded copy is missing; download it again.")),
                error -> notices.error("The file could not be opened", error));
    }

    /** Removes finished, failed and cancelled downloads from the list (the files stay). */
    public void clearFinished() {
        rows.removeIf(r -> r.state().finished());
        if (selected.get() != null && !rows.contains(selected.get())) {
            selected.set(null);
        }
    }

    private int indexOf(ResourceId id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).progress().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public ObservableList<DownloadRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObjectProperty<DownloadRow> selectedProperty() {
        return selected;
    }

    /** How many downloads are fetching right now, for the status bar. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
