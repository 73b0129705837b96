package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    @Test
    void runsTasksOneAtATimeInSubmissionOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor lane = new SerialExecutor(pool);
            List<Integer> seen = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(1000);
            for (int i = 0; i < 1000; i++) {
                int n = i;
                lane.execute(() -> {
                    seen.add(n);
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).isSorted().hasSize(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tasksArrivingAfterThePoolStoppedAreDroppedWithoutThrowing() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdownNow();
        SerialExecutor lane = new SerialExecutor(pool);

        assertThatCode(() -> lane.execute(() -> { })).doesNotThrowAnyException();
        assertThatCode(() -> lane.execute(() -> { })).doesNotThrowAnyException();
    }

    @Test
    void anIdleLaneRunsAQuickTaskOnTheCallerAndABusyOneQueuesItInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SerialExecutor lane = new SerialExecutor(pool);
            Thread caller = Thread.currentThread();
            List<String> seen = new CopyOnWriteArrayList<>();
            lane.executeHereIfIdle(() -> seen.add(Thread.currentThread() == caller ? "here" : "pool"));
            assertThat(seen).containsExactly("here");

            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(3);
            lane.execute(() -> {
                await(release);
                seen.add("slow");
                done.countDown();
            });
            for (int i = 0; i < 2; i++) {
                int n = i;
                lane.executeHereIfIdle(() -> {
                    seen.add((Thread.currentThread() == caller ? "here " : "pool ") + n);
                    done.countDown();
                });
            }
            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).containsExactly("here", "slow", "pool 0", "pool 1");

            lane.executeHereIfIdle(() -> seen.add(Thread.currentThread() == caller ? "here again" : "pool again"));
            assertThat(seen).last().isEqualTo("here again");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
