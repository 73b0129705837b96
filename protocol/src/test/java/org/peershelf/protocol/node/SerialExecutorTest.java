package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    @Test
    void runsTasksInSubmissionOrder() {
        List<Integer> ran = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(Runnable::run);
        for (int i = 0; i < 5; i++) {
            int n = i;
            serial.execute(() -> ran.add(n));
        }
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aLateTaskAfterThePoolStoppedIsDroppedWithoutThrowingIntoTheNetworkThread() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdownNow();
        SerialExecutor serial = new SerialExecutor(pool);

        assertThatCode(() -> serial.execute(() -> { })).doesNotThrowAnyException();
        assertThatCode(() -> serial.execute(() -> { })).doesNotThrowAnyException();
    }
}
