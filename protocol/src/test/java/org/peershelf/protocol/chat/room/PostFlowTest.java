package org.peershelf.protocol.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostFlowTest {
    @Test
    void theWindowStartsAtOneGrowsWithAcksAndFallsBackAfterAFailure() {
        PostFlow flow = new PostFlow();
        assertThat(flow.room()).isEqualTo(1);
        flow.inFlight = 1;
        assertThat(flow.room()).isZero();
        for (int i = 0; i < 100; i++) {
            flow.inFlight++;
            flow.acknowledged();
        }
        assertThat(flow.window()).isEqualTo(PostFlow.MAX_WINDOW);
        long generation = flow.generation;
        flow.restart();
        assertThat(flow.generation).isEqualTo(generation + 1);
        assertThat(flow.room()).isEqualTo(1);
        assertThat(flow.sentUpTo).isZero();
    }

    @Test
    void pausesDoubleUpToTheCapAndAnAckOrANewHostStartsOver() {
        PostFlow flow = new PostFlow();
        assertThat(flow.pause()).isEqualTo(PostFlow.FIRST_BACKOFF_MILLIS);
        assertThat(flow.room()).as("nothing is sent while pausing").isZero();
        assertThat(flow.pause()).isEqualTo(2 * PostFlow.FIRST_BACKOFF_MILLIS);
        for (int i = 0; i < 40; i++) {
            flow.pause();
        }
        assertThat(flow.pause()).isEqualTo(PostFlow.MAX_BACKOFF_MILLIS);
        flow.resume();
        assertThat(flow.room()).isEqualTo(1);
        flow.inFlight = 1;
        flow.acknowledged();
        assertThat(flow.pause()).isEqualTo(PostFlow.FIRST_BACKOFF_MILLIS);
        flow.newHost();
        assertThat(flow.room()).as("a new host is not kept waiting by the old one's backoff").isEqualTo(1);
        assertThat(flow.pause()).isEqualTo(PostFlow.FIRST_BACKOFF_MILLIS);
    }
}
