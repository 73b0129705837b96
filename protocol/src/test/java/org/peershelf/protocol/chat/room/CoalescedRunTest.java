package org.peershelf.protocol.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescedRunTest {
    /** An executor that runs what was queued only when told to. */
    private static final class Manual implements Executor {
        final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    @Test
    void requestsWhileQueuedJoinOneRun() {
        Manual executor = new Manual();
        AtomicInteger runs = new AtomicInteger();
        CoalescedRun run = new CoalescedRun(executor, runs::incrementAndGet);

        for (int i = 0; i < 5; i++) {
            run.request();
        }
        assertThat(executor.queued).hasSize(1);
        executor.runAll();

        assertThat(runs).hasValue(1);
    }

    @Test
    void aRequestDuringTheRunQueuesAnotherSoNothingIsMissed() {
        Manual executor = new Manual();
        AtomicInteger runs = new AtomicInteger();
        CoalescedRun[] run = new CoalescedRun[1];
        run[0] = new CoalescedRun(executor, () -> {
            if (runs.incrementAndGet() == 1) {
                run[0].request(); // e.g. a line stored while the relay was already reading what to send
            }
        });

        run[0].request();
        executor.runAll();

        assertThat(runs).hasValue(2);
    }

    @Test
    void aStoppingExecutorDoesNotWedgeLaterRequests() {
        AtomicInteger attempts = new AtomicInteger();
        CoalescedRun run = new CoalescedRun(task -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RejectedExecutionException("stopping");
            }
            task.run();
        }, () -> { });

        run.request();
        run.request();

        assertThat(attempts).as("the rejected run did not leave it marked as queued").hasValue(2);
    }
}
