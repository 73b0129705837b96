package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class PostingChunkTest {
    @Test
    void fewOffsetsAreStoredAsAListAndReadBack() {
        BitSet offsets = bits(0, 7, 255, 256, PostingChunk.SIZE - 1);

        byte[] bytes = PostingChunk.encode(offsets);

        assertThat(bytes).hasSize(1 + 2 * 5);
        assertThat(PostingChunk.decode(bytes)).isEqualTo(offsets);
    }

    @Test
    void manyOffsetsAreStoredAsABitmapOfTheChunkAndReadBack() {
        BitSet offsets = new BitSet();
        for (int o = 3; o < PostingChunk.SIZE; o += 7) {
            offsets.set(o);
        }

        byte[] bytes = PostingChunk.encode(offsets);

        assertThat(bytes).hasSize(1 + PostingChunk.BITMAP_BYTES);
        assertThat(PostingChunk.decode(bytes)).isEqualTo(offsets);
    }

    @Test
    void anEmptySetIsAListOfNothing() {
        assertThat(PostingChunk.decode(PostingChunk.encode(new BitSet())).isEmpty()).isTrue();
    }

    @Test
    void bytesThatAreNoEncodingAreRejected() {
        assertThatThrownBy(() -> PostingChunk.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingChunk.decode(new byte[]{0, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingChunk.decode(new byte[]{0, (byte) 0xff, (byte) 0xff}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingChunk.decode(new byte[]{1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingChunk.decode(new byte[]{7})).isInstanceOf(IllegalArgumentException.class);
    }

    private static BitSet bits(int... offsets) {
        BitSet set = new BitSet();
        for (int o : offsets) {
            set.set(o);
        }
        return set;
    }
}
