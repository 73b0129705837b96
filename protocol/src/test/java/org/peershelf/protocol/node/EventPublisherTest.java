package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventPublisherTest {
    @Test
    void deliversOnTheOwnersExecutorInOrderAndSurvivesAFailingListener() throws Exception {
        ExecutorService console = Executors.newSingleThreadExecutor();
        EventPublisher<Integer> publisher = new EventPublisher<>(console);
        List<String> seen = new CopyOnWriteArrayList<>();
        publisher.subscribe(n -> {
            if (n == 2) {
                throw new IllegalStateException("listener bug");
            }
        });
        publisher.subscribe(n -> seen.add(Thread.currentThread().getName() + ":" + n));
        for (int i = 0; i < 5; i++) {
            publisher.publish(i);
        }
        console.shutdown();
        assertThat(console.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(seen).hasSize(5);
        assertThat(seen.stream().map(s -> s.substring(s.indexOf(':') + 1)).toList())
                .containsExactly("0", "1", "2", "3", "4");
        assertThat(seen.get(0)).doesNotStartWith(Thread.currentThread().getName() + ":");
    }

    @Test
    void anEventPublishedAfterTheOwnerStoppedItsExecutorIsDroppedWithoutFailingThePublisher() {
        ExecutorService console = Executors.newSingleThreadExecutor();
        EventPublisher<String> publisher = new EventPublisher<>(console);
        List<String> seen = new CopyOnWriteArrayList<>();
        publisher.subscribe(seen::add);
        console.shutdownNow();

        assertThatCode(() -> publisher.publish("late")).doesNotThrowAnyException();
        assertThat(seen).isEmpty();
    }
}
