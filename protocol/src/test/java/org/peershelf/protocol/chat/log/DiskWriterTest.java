package org.peershelf.protocol.chat.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjLongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.store.RecordLog;
import org.peershelf.protocol.store.RecordLogOptions;
import org.peershelf.protocol.store.RecordStore;

class DiskWriterTest {
    private final DiskWriter writer = new DiskWriter("test-disk-writer");

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        writer.close();
    }

    /** A real log that counts how often it is forced to disk. */
    private static final class CountingStore implements RecordStore {
        private final RecordStore log;
        final AtomicInteger syncs = new AtomicInteger();
        /** Threads that wrote, in order. */
        final List<String> writers = new CopyOnWriteArrayList<>();
        /** When set, a write waits for it (the writer thread is then busy with this store). */
        volatile CountDownLatch gate;
        volatile RuntimeException failWith;
        /** When set, a sync waits for it; {@link #inSync} is then true. */
        volatile CountDownLatch syncGate;
        final java.util.concurrent.atomic.AtomicBoolean inSync = new java.util.concurrent.atomic.AtomicBoolean();

        CountingStore(Path file) {
            this.log = RecordLog.open(file, RecordLogOptions.DEFAULTS.withForceOnAppend(false));
        }

        @Override
        public long append(byte[] payload) {
            return log.append(payload);
        }

        @Override
        public synchronized void appendAll(List<byte[]> payloads) {
            writers.add(Thread.currentThread().getName());
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                try {
                    waitFor.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failWith != null) {
                throw failWith;
            }
            log.appendAll(payloads);
        }

        @Override
        public void forEach(ObjLongConsumer<byte[]> visitor) {
            log.forEach(visitor);
        }

        @Override
        public List<byte[]> readAll() {
            return log.readAll();
        }

        @Override
        public Path file() {
            return log.file();
        }

        @Override
        public long count() {
            return log.count();
        }

        @Override
        public synchronized void sync() {
            CountDownLatch waitFor = syncGate;
            if (waitFor != null) {
                inSync.set(true);
                try {
                    waitFor.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inSync.set(false);
            }
            log.sync();
            syncs.incrementAndGet();
        }

        @Override
        public void rewrite(List<byte[]> payloads) {
            log.rewrite(payloads);
        }

        @Override
        public void close() {
            log.close();
        }
    }

    /** A lazy append while the writer thread is held inside {@code store}: queued (not written, not waited for). */
    private CompletableFuture<Void> appendSecondWhileTheWriterIsHeld(CountingStore store, CountDownLatch gate,
                                                                     Runnable ungate) {
        CompletableFuture<Void> second = writer.appendLazily(store, List.of(bytes("second")));
        assertThat(second).as("queued: the caller neither writes nor waits for the writer").isNotDone();
        ungate.run();
        gate.countDown();
        return second;
    }

    private static List<String> texts(RecordStore store) {
        return store.readAll().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOrdinaryAppendIsSyncedBeforeItCompletes() throws Exception {
        CountingStore store = new CountingStore(dir.resolve("log"));
        writer.append(store, bytes("one")).get(5, TimeUnit.SECONDS);
        assertThat(store.syncs).hasValue(1);
        assertThat(store.count()).isEqualTo(1);
        store.close();
    }

    @Test
    void lazyAppendsCompleteWhenWrittenAndAreSyncedTogetherSoonAfter() throws Exception {
        CountingStore store = new CountingStore(dir.resolve("log"));
        CompletableFuture<Void> last = null;
        for (int i = 0; i < 50; i++) {
            last = writer.appendLazily(store, List.of(bytes("line " + i)));
        }
        last.get(5, TimeUnit.SECONDS);
        assertThat(store.count()).isEqualTo(50);
        // written, not yet forced: fifty lines must not cost fifty syncs
        await().atMost(Duration.ofSeconds(5)).until(() -> store.syncs.get() > 0);
        assertThat(store.syncs.get()).isBetween(1, 2);
        store.close();
    }

    @Test
    void anOrdinaryAppendAlsoSyncsWhatWasWrittenLazilyBeforeIt() throws Exception {
        CountingStore lazy = new CountingStore(dir.resolve("member-copy"));
        CountingStore urgent = new CountingStore(dir.resolve("host-log"));
        writer.appendLazily(lazy, List.of(bytes("a member's copy"))).get(5, TimeUnit.SECONDS);
        writer.append(urgent, bytes("a numbered line")).get(5, TimeUnit.SECONDS);
        // the lazy record is forced no later than the urgent one that came after it
        assertThat(lazy.syncs).hasValue(1);
        assertThat(urgent.syncs).hasValue(1);
        lazy.close();
        urgent.close();
    }

    @Test
    void closingSyncsWhatWasWrittenLazily() throws Exception {
        CountingStore store = new CountingStore(dir.resolve("log"));
        writer.appendLazily(store, List.of(bytes("x"))).get(5, TimeUnit.SECONDS);
        writer.close();
        assertThat(store.syncs).hasValue(1);
        store.close();
    }

    @Test
    void aLazyAppendWithNothingQueuedForItsFileIsWrittenOnTheCallingThreadAndSyncedLater() throws Exception {
        CountingStore store = new CountingStore(dir.resolve("log"));
        CompletableFuture<Void> written = writer.appendLazily(store, List.of(bytes("a"), bytes("b")));

        assertThat(written).isCompleted();
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.writers).containsExactly(Thread.currentThread().getName());
        await().atMost(Duration.ofSeconds(5)).until(() -> store.syncs.get() == 1);
        store.close();
    }

    @Test
    void aLazyAppendWaitsBehindWhatIsQueuedForItsFileSoRecordsKeepTheirOrder() throws Exception {
        CountingStore store = new CountingStore(dir.resolve("log"));
        CountDownLatch gate = new CountDownLatch(1);
        store.gate = gate;
        CompletableFuture<Void> first = writer.append(store, bytes("first"));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.writers.size() == 1); // the writer holds it

        CompletableFuture<Void> second = appendSecondWhileTheWriterIsHeld(store, gate, () -> store.gate = null);
        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);

        assertThat(texts(store)).containsExactly("first", "second");
        assertThat(store.writers).containsExactly("test-disk-writer", "test-disk-writer");
        store.close();
    }

    @Test
    void aLazyAppendThatCannotBeWrittenFailsAtOnceAndLaterOnesStillGetThrough() throws Exception {
        CountingStore store = new CountingStore(dir.resolve("log"));
        store.failWith = new org.peershelf.protocol.store.StorageException("No space left on device");
        assertThat(writer.appendLazily(store, List.of(bytes("lost")))).isCompletedExceptionally();

        store.failWith = null;
        writer.appendLazily(store, List.of(bytes("kept"))).get(5, TimeUnit.SECONDS);
        assertThat(texts(store)).containsExactly("kept");
        store.close();
    }

    @Test
    void aLazyAppendWhileTheWriterForcesItsFileIsQueuedInsteadOfWaitingForTheFsync() throws Exception {
        CountingStore store = new CountingStore(dir.resolve("log"));
        CountDownLatch gate = new CountDownLatch(1);
        store.syncGate = gate;
        writer.appendLazily(store, List.of(bytes("first"))).get(5, TimeUnit.SECONDS); // written here, synced later
        await().atMost(Duration.ofSeconds(5)).until(store.inSync::get); // the writer forces it (and holds it)

        appendSecondWhileTheWriterIsHeld(store, gate, () -> store.syncGate = null).get(5, TimeUnit.SECONDS);

        assertThat(texts(store)).containsExactly("first", "second");
        assertThat(store.writers).containsExactly(Thread.currentThread().getName(), "test-disk-writer");
        store.close();
    }
}
