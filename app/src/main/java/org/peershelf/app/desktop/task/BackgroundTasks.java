package org.peershelf.app.desktop.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Runs registry, network and disk work off the UI thread and hands the outcome back on it, like JabRef's
 * BackgroundTask + UiTaskExecutor. The app passes {@code Platform::runLater} as {@code ui}; view-model
 * tests pass direct executors, so they need no toolkit and no waiting.
 */
public final class BackgroundTasks implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackgroundTasks.class);
    private final Executor work;
    private final Executor ui;
    private final ExecutorService owned;

    /** @param work where the slow part runs; shut down by {@link #close()} if it is an ExecutorService */
    public BackgroundTasks(Executor work, Executor ui) {
        this.work = work;
        this.ui = ui;
        this.owned = work instanceof ExecutorService service ? service : null;
    }

    /** Runs {@code task} in the background; exactly one of the callbacks then runs on the UI thread. */
    public <T> CompletableFuture<T> run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        CompletableFuture<T> result = new CompletableFuture<>();
        work.execute(() -> {
            try {
                T value = task.call();
                ui.execute(() -> {
                    try {
                        onSuccess.accept(value);
                    } catch (RuntimeException e) {
                        // a bug in the UI code that shows the result: say so once, and let the failure path show it
                        LOG.error("Showing the result of a background task failed", e);
                        onFailure.accept(e);
                    }
                });
                result.complete(value);
            } catch (Exception | LinkageError e) {
                ui.execute(() -> onFailure.accept(e));
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Runs {@code task} in the background with nothing to hand back but a failure. */
    public CompletableFuture<Void> run(Runnable task, Consumer<Throwable> onFailure) {
        return run(() -> {
            task.run();
            return null;
        }, ignored -> {
        }, onFailure);
    }

    /** The UI executor, for view models that must post a result they got elsewhere. */
    public Executor ui() {
        return ui;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
