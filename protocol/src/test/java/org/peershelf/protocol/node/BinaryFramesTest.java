package org.peershelf.protocol.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peershelf.protocol.wire.ProtocolException;

class BinaryFramesTest {
    @Test
    void framedDataComesBackWhole() {
        byte[] data = {4, 0, 5};
        assertThat(BinaryFrames.payload(3, BinaryFrames.frame(data))).containsExactly(4, 0, 5);
        assertThat(BinaryFrames.payload(0, BinaryFrames.frame(new byte[0]))).isEmpty();
    }

    @Test
    void strayLeading4BeforeTheGuardIsStripped() {
        assertThat(BinaryFrames.payload(2, new byte[] {4, (byte) 0xFF, 4, 6})).containsExactly(4, 6);
    }

    @Test
    void anythingElseIsMalformed() {
        assertThatThrownBy(() -> BinaryFrames.payload(2, new byte[] {4, 5, 6})).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> BinaryFrames.payload(3, new byte[] {4, 5, 6})).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> BinaryFrames.payload(5, new byte[] {(byte) 0xFF, 5})).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> BinaryFrames.payload(null, new byte[] {1})).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> BinaryFrames.payload(1, "text")).isInstanceOf(ProtocolException.class);
    }
}
