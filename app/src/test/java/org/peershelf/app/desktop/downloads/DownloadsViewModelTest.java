package org.peershelf.app.desktop.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peershelf.app.desktop.notify.Notice;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.resource.ResourceId;
import org.peershelf.protocol.resource.transfer.DownloadProgress;
import org.peershelf.protocol.resource.transfer.DownloadState;

class DownloadsViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private static final ResourceId PAPER = ResourceId.of("a".repeat(64));

    private final FakeTransfers transfers = new FakeTransfers();
    private final NotificationCenter notices = new NotificationCenter();
    private DownloadsViewModel model;

    @BeforeEach
    void start() {
        model = new DownloadsViewModel(transfers, new BackgroundTasks(DIRECT, DIRECT), notices);
        model.start();
    }

    @Test
    void progressReportsBecomeOneRowWithRateTimeLeftAndHolders() {
        transfers.report(progress(DownloadState.RUNNING, 0, 2_097_152, 0, -1, 0));
        transfers.report(progress(DownloadState.RUNNING, 1_048_576, 2_097_152, 524_288, 2, 2));

        assertThat(model.rows()).hasSize(1);
        DownloadRow row = model.rows().get(0);
        assertThat(row.stateText()).isEqualTo("Downloading 50%");
        assertThat(row.fraction()).isEqualTo(0.5);
        assertThat(row.sizeText()).isEqualTo("1.0 MB of 2.0 MB");
        assertThat(row.rateText()).isEqualTo("512.0 KB/s");
        assertThat(row.etaText()).isEqualTo("about 2 s");
        assertThat(row.holdersText()).isEqualTo("from 2 holders");
        assertThat(model.runningProperty().get()).isEqualTo(1);
    }

    @Test
    void waitingWithoutHoldersSaysSoAndCanBePausedButNotOpened() {
        transfers.report(progress(DownloadState.WAITING, 0, 100, 0, -1, 0));

        DownloadRow row = model.rows().get(0);
        assertThat(row.stateText()).isEqualTo("Waiting: no holder online");
        assertThat(row.canPause()).isTrue();
        assertThat(row.canOpen()).isFalse();
        assertThat(model.runningProperty().get()).isZero();
    }

    @Test
    void finishingTellsThePersonOnceAndAllowsOpening() {
        transfers.report(progress(DownloadState.RUNNING, 50, 100, 10, 5, 1));
        transfers.report(progress(DownloadState.COMPLETED, 100, 100, 0, -1, 0));
        transfers.report(progress(DownloadState.COMPLETED, 100, 100, 0, -1, 0));

        assertThat(model.rows().get(0).stateText()).isEqualTo("Finished");
        assertThat(model.rows().get(0).canOpen()).isTrue();
        assertThat(notices.notices()).extracting(Notice::title).containsExactly("Download finished");
        List<Path> opened = new ArrayList<>();
        model.open(model.rows().get(0), opened::add);
        assertThat(opened).containsExactly(Path.of("/repo/paper.pdf"));
    }

    @Test
    void aFailureIsShownWithItsReason() {
        transfers.report(new DownloadProgress(PAPER, "On computable numbers", DownloadState.FAILED, 10, 100, 0, -1,
                List.of(), 1, "The disk is full."));

        assertThat(model.rows().get(0).stateText()).isEqualTo("Failed: The disk is full.");
        assertThat(notices.latestProperty().get().severity()).isEqualTo(Notice.Severity.ERROR);
        assertThat(notices.latestProperty().get().text()).isEqualTo("The disk is full.");
    }

    @Test
    void startingADownloadThatIsNoLongerPublishedIsExplained() {
        transfers.startFailure = new PeerShelfException("Resource aaaaaaaa is not published (any more).");

        model.download(PAPER, "On computable numbers");

        assertThat(notices.latestProperty().get().title()).isEqualTo("\u201COn computable numbers\u201D cannot be downloaded");
        assertThat(notices.latestProperty().get().text()).contains("not published");
    }

    @Test
    void pauseResumeAndCancelReachTheService() {
        transfers.report(progress(DownloadState.RUNNING, 10, 100, 10, 9, 1));
        DownloadRow row = model.rows().get(0);

        model.pause(row);
        model.resume(row);
        model.cancel(row);

        assertThat(transfers.calls).containsExactly("pause", "resume", "cancel");
    }

    @Test
    void clearingRemovesOnlyFinishedDownloads() {
        transfers.report(progress(DownloadState.COMPLETED, 100, 100, 0, -1, 0));
        ResourceId other = ResourceId.of("b".repeat(64));
        transfers.report(new DownloadProgress(other, "Other", DownloadState.RUNNING, 1, 100, 1, 99,
                List.of(DeviceIdentity.generate().deviceId()), 1, ""));

        model.clearFinished();

        assertThat(model.rows()).extracting(DownloadRow::title).containsExactly("Other");
    }

    private static DownloadProgress progress(DownloadState state, long verified, long total, double rate, long eta,
                                             int holders) {
        List<org.peershelf.protocol.identity.DeviceId> from = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            from.add(DeviceIdentity.generate().deviceId());
        }
        return new DownloadProgress(PAPER, "On computable numbers", state, verified, total, rate, eta, from, 0, "");
    }

    /** Records calls and replays reports to the view model as the peer's transfer service would. */
    private static final class FakeTransfers implements DownloadService {
        final List<String> calls = new ArrayList<>();
        final List<Consumer<? super DownloadProgress>> listeners = new CopyOnWriteArrayList<>();
        RuntimeException startFailure;

        void report(DownloadProgress progress) {
            listeners.forEach(l -> l.accept(progress));
        }

        @Override
        public CompletableFuture<Void> download(ResourceId id) {
            return startFailure == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(startFailure);
        }

        @Override
        public void pause(ResourceId id) {
            calls.add("pause");
        }

        @Override
        public void resume(ResourceId id) {
            calls.add("resume");
        }

        @Override
        public void cancel(ResourceId id) {
            calls.add("cancel");
        }

        @Override
        public List<DownloadProgress> all() {
            return List.of();
        }

        @Override
        public Runnable subscribe(Consumer<? super DownloadProgress> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public Optional<Path> firstFile(ResourceId id) {
            return Optional.of(Path.of("/repo/paper.pdf"));
        }
    }
}
