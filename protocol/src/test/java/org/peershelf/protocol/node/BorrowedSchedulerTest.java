package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BorrowedSchedulerTest {
    private final ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "shared-timer"));

    @AfterEach
    void stop() {
        shared.shutdownNow();
    }

    @Test
    void tasksRunOnTheSharedThread() throws Exception {
        BorrowedScheduler view = new BorrowedScheduler(shared);
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        view.schedule(() -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        }, 10, TimeUnit.MILLISECONDS);
        assertThat(ran.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("shared-timer");
    }

    @Test
    void shutdownCancelsOnlyItsOwnTasksAndLeavesTheSharedSchedulerRunning() throws Exception {
        BorrowedScheduler closing = new BorrowedScheduler(shared);
        BorrowedScheduler other = new BorrowedScheduler(shared);
        AtomicBoolean closingRan = new AtomicBoolean();
        CountDownLatch otherRan = new CountDownLatch(1);
        ScheduledFuture<?> mine = closing.schedule(() -> closingRan.set(true), 200, TimeUnit.MILLISECONDS);
        other.schedule(otherRan::countDown, 300, TimeUnit.MILLISECONDS);

        closing.shutdown();

        assertThat(mine.isCancelled()).isTrue();
        assertThat(closing.isShutdown()).isTrue();
        assertThat(shared.isShutdown()).isFalse();
        assertThat(other.isShutdown()).isFalse();
        assertThat(otherRan.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(closingRan).isFalse();
        assertThatThrownBy(() -> closing.schedule(() -> { }, 1, TimeUnit.MILLISECONDS))
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void rearmingATimerOnEveryPacketDoesNotAccumulateTasks() {
        shared.setRemoveOnCancelPolicy(true);
        BorrowedScheduler view = new BorrowedScheduler(shared);
        ScheduledFuture<?> timer = null;
        for (int packet = 0; packet < 10_000; packet++) {
            if (timer != null) {
                timer.cancel(false);
            }
            timer = view.schedule(() -> { }, 85, TimeUnit.SECONDS);
        }
        assertThat(view.pendingCount()).isEqualTo(1);
        assertThat(shared.getQueue()).hasSize(1);
    }
}
