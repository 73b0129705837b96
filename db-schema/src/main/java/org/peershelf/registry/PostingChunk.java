package org.peershelf.registry;

import java.util.BitSet;

/**
 * The listing numbers of one index key within one chunk of {@value #SIZE} consecutive numbers, as the bytes the
 * registry stores (decision 0008): a format byte, then either the sorted offsets as unsigned 16-bit
 * big-endian values (sparse: 2 bytes a number) or a bitmap of the whole chunk (dense: {@value #BITMAP_BYTES}
 * bytes), whichever is smaller. Pure functions, so the same rules serve publishing, the migration and search.
 */
final class PostingChunk {
    /** Numbers per chunk: a dense chunk is a 2 KiB bitmap, and only the newest chunk of a key is ever written. */
    static final int SIZE = 16_384;
    static final int BITMAP_BYTES = SIZE / 8;
    private static final byte SPARSE = 0;
    private static final byte BITMAP = 1;
    /** Above this many offsets the bitmap is smaller than the list. */
    private static final int MAX_SPARSE = BITMAP_BYTES / 2;

    private PostingChunk() {
    }

    static int chunkOf(int number) {
        return number / SIZE;
    }

    /** The encoding of these offsets (0 … {@value #SIZE} - 1). */
    static byte[] encode(BitSet offsets) {
        int count = offsets.cardinality();
        if (count > MAX_SPARSE) {
            byte[] out = new byte[1 + BITMAP_BYTES];
            out[0] = BITMAP;
            byte[] bits = offsets.toByteArray(); // little-endian bit order, trailing zero bytes left out
            System.arraycopy(bits, 0, out, 1, Math.min(bits.length, BITMAP_BYTES));
            return out;
        }
        byte[] out = new byte[1 + 2 * count];
        out[0] = SPARSE;
        int i = 1;
        for (int o = offsets.nextSetBit(0); o >= 0; o = offsets.nextSetBit(o + 1)) {
            out[i++] = (byte) (o >>> 8);
            out[i++] = (byte) o;
        }
        return out;
    }

    /**
     * The offsets in an encoding.
     *
     * @throws IllegalArgumentException when the bytes are not an encoding (a document edited by hand or by another
     *                                  version)
     */
    static BitSet decode(byte[] encoding) {
        if (encoding == null || encoding.length == 0) {
            throw new IllegalArgumentException("empty posting chunk");
        }
        if (encoding[0] == BITMAP && encoding.length == 1 + BITMAP_BYTES) {
            BitSet bits = BitSet.valueOf(java.util.Arrays.copyOfRange(encoding, 1, encoding.length));
            if (bits.length() > SIZE) {
                throw new IllegalArgumentException("posting bitmap longer than a chunk");
            }
            return bits;
        }
        if (encoding[0] == SPARSE && encoding.length % 2 == 1) {
            BitSet bits = new BitSet(SIZE);
            for (int i = 1; i < encoding.length; i += 2) {
                int o = ((encoding[i] & 0xff) << 8) | (encoding[i + 1] & 0xff);
                if (o >= SIZE) {
                    throw new IllegalArgumentException("posting offset " + o + " beyond a chunk");
                }
                bits.set(o);
            }
            return bits;
        }
        throw new IllegalArgumentException("not a posting chunk (format " + encoding[0] + ", " + encoding.length
                + " bytes)");
    }
}
