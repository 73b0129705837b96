package org.peershelf.protocol.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers immutable events to listeners on the executor given at construction: Platform::runLater in
 * the desktop app, a direct or single-thread executor in the headless peer and tests. Services never
 * call the UI; this is the one place events cross over.
 */
public final class EventPublisher<E> {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private final List<Consumer<? super E>> listeners = new CopyOnWriteArrayList<>();
    private final Executor executor;

    public EventPublisher(Executor executor) {
        this.executor = executor;
    }

    public Runnable subscribe(Consumer<? super E> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(E event) {
        for (Consumer<? super E> listener : listeners) {
            try {
                executor.execute(() -> {
                    try {
                        listener.accept(event);
                    } catch (RuntimeException e) {
                        LOG.error("A listener failed on {}", event, e);
                    }
                });
            } catch (RejectedExecutionException e) {
                // the owner stopped its executor while the peer was still closing: nobody listens any more
                LOG.debug("Dropped {}: the listeners' executor has stopped", event);
            }
        }
    }
}
