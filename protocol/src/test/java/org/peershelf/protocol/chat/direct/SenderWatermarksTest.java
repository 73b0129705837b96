package org.peershelf.protocol.chat.direct;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderWatermarksTest {
    private final SenderWatermarks marks = new SenderWatermarks();

    @Test
    void aResentCopyIsTakenOnce() {
        assertThat(marks.accept("a", 1)).isTrue();
        assertThat(marks.accept("a", 2)).isTrue();
        assertThat(marks.accept("a", 2)).isFalse();
        assertThat(marks.accept("a", 1)).isFalse();
        assertThat(marks.highest("a")).isEqualTo(2);
    }

    @Test
    void sendersAreCountedSeparately() {
        assertThat(marks.accept("a", 5)).isTrue();
        assertThat(marks.accept("b", 1)).isTrue();
        assertThat(marks.accept("b", 5)).isTrue();
        assertThat(marks.highest("a")).isEqualTo(5);
    }

    @Test
    void aGapIsAcceptedButLaterOldNumbersAreNot() {
        assertThat(marks.accept("a", 3)).isTrue();
        assertThat(marks.accept("a", 2)).isFalse();
        assertThat(marks.accept("a", 4)).isTrue();
    }
}
