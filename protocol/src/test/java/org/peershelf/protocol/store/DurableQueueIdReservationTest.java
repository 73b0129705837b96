package org.peershelf.protocol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A queue whose items are used (posted under their id) before they are synced must never give an id out twice, even
 * when an OS crash loses the unsynced items: ids are reserved in forced blocks.
 */
class DurableQueueIdReservationTest {
    private static final int BLOCK = 8;

    @Test
    void restartAfterAnOsCrashDoesNotReuseAnIdThatWasHandedOut() {
        UnsyncedLossStore store = new UnsyncedLossStore();
        DurableQueue<String> queue = DurableQueue.openReservingIds(store, ItemCodec.utf8(), BLOCK);
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(queue.enqueue("lost " + i)); // written, never synced: gone after the crash
        }

        DurableQueue<String> restarted = DurableQueue.openReservingIds(store.afterOsCrash(), ItemCodec.utf8(), BLOCK);

        assertThat(restarted.isEmpty()).as("the crash lost the unsynced items").isTrue();
        assertThat(restarted.enqueue("new")).isGreaterThan(before.get(before.size() - 1));
    }

    @Test
    void withoutReservationTheSameCrashWouldReuseTheIds() {
        // the hazard the reservation exists for, shown on the plain queue over the same store
        UnsyncedLossStore store = new UnsyncedLossStore();
        DurableQueue<String> queue = DurableQueue.open(store, ItemCodec.utf8());
        long lost = queue.enqueue("lost");

        DurableQueue<String> restarted = DurableQueue.open(store.afterOsCrash(), ItemCodec.utf8());

        assertThat(restarted.enqueue("new")).isEqualTo(lost);
    }

    @Test
    void aCrashInEveryBlockStillNeverReusesAnId() {
        UnsyncedLossStore store = new UnsyncedLossStore();
        long highest = 0;
        for (int round = 0; round < 5; round++) {
            DurableQueue<String> queue = DurableQueue.openReservingIds(store, ItemCodec.utf8(), BLOCK);
            for (int i = 0; i < BLOCK + 3; i++) { // crosses into the next block
                long id = queue.enqueue("x");
                assertThat(id).isGreaterThan(highest);
                highest = id;
            }
            store = store.afterOsCrash();
        }
    }

    @Test
    void oneForcedWritePerBlockNotPerItem() {
        UnsyncedLossStore store = new UnsyncedLossStore();
        DurableQueue<String> queue = DurableQueue.openReservingIds(store, ItemCodec.utf8(), BLOCK);
        for (int i = 0; i < 2 * BLOCK; i++) {
            queue.enqueue("x");
        }
        assertThat(store.syncs).isEqualTo(2);
    }

    @Test
    void theReservationSurvivesCompaction() {
        UnsyncedLossStore store = new UnsyncedLossStore();
        DurableQueue<String> queue = DurableQueue.openReservingIds(store, ItemCodec.utf8(), 1024);
        long last = 0;
        for (int i = 0; i < DurableQueue.COMPACT_MIN_RECORDS; i++) {
            last = queue.enqueue("x");
        }
        queue.acknowledgeUpTo(last); // compacts to a checkpoint
        assertThat(store.count()).isEqualTo(1);
        long unsynced = queue.enqueue("lost");

        DurableQueue<String> restarted = DurableQueue.openReservingIds(store.afterOsCrash(), ItemCodec.utf8(), 1024);

        assertThat(restarted.enqueue("new")).isGreaterThan(unsynced);
    }

    @Test
    void syncUpToForcesOnceForEveryItemAlreadyWritten() {
        UnsyncedLossStore store = new UnsyncedLossStore();
        DurableQueue<String> queue = DurableQueue.openReservingIds(store, ItemCodec.utf8(), BLOCK);
        long a = queue.enqueue("a");
        long b = queue.enqueue("b");
        int syncsBefore = store.syncs;

        queue.syncUpTo(a);
        queue.syncUpTo(b); // covered by the first sync: no second fsync

        assertThat(store.syncs).isEqualTo(syncsBefore + 1);
        DurableQueue<String> restarted = DurableQueue.openReservingIds(store.afterOsCrash(), ItemCodec.utf8(), BLOCK);
        assertThat(restarted.pending()).extracting(QueueItem::value).containsExactly("a", "b");
    }
}
