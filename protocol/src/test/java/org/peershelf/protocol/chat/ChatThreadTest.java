package org.peershelf.protocol.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ChatThreadTest {
    @Test
    void runsWorkWhileOpen() throws Exception {
        ScheduledExecutorService thread = ChatThread.create("test-chat");
        try {
            CountDownLatch ran = new CountDownLatch(2);
            thread.execute(ran::countDown);
            thread.schedule(ran::countDown, 10, TimeUnit.MILLISECONDS);
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void dropsWorkHandedOverAfterCloseWithoutFailingTheCaller() throws Exception {
        ScheduledExecutorService thread = ChatThread.create("test-chat");
        thread.shutdownNow();
        assertThat(thread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatCode(() -> {
            thread.execute(() -> ran.set(true));
            thread.schedule(() -> ran.set(true), 1, TimeUnit.MILLISECONDS);
        }).doesNotThrowAnyException();
        assertThat(ran).as("a terminated thread runs nothing, and nothing ran in the caller").isFalse();
    }
}
