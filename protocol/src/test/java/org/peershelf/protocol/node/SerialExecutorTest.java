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
}
