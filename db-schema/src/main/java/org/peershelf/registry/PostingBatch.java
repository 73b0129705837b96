package org.peershelf.registry;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gathers the postings of many resources for {@link ResourceIndex#rebuild} and writes them a chunk at a time:
 * resources come in listing order, so a chunk is complete when the first number of the next chunk arrives. Memory
 * stays bounded (offsets as growing int arrays) by also writing when {@code maxPostings} are held; each write of a
 * chunk is a numbered part ({@code b0}, {@code b1}, …), so the same catalogue built again writes the same fields.
 */
final class PostingBatch {
    private final Postings postings;
    private final int maxPostings;
    private final Map<String, Offsets> offsets = new HashMap<>();
    private final Map<Integer, Integer> partsWritten = new HashMap<>();
    private int held;
    private int chunk = -1;

    private final int firstPart;

    PostingBatch(Postings postings, int maxPostings) {
        this(postings, maxPostings, 0);
    }

    /** @param firstPart the number of the first part written per chunk: a later build's own fields, apart from b0… */
    PostingBatch(Postings postings, int maxPostings, int firstPart) {
        this.postings = postings;
        this.maxPostings = maxPostings;
        this.firstPart = firstPart;
    }

    void add(int number, Collection<String> keys) {
        int c = PostingChunk.chunkOf(number);
        if (c != chunk || held >= maxPostings) {
            flush();
            chunk = c;
        }
        int offset = number % PostingChunk.SIZE;
        for (String key : keys) {
            offsets.computeIfAbsent(Postings.chunkId(key, c), k -> new Offsets()).add(offset);
            held++;
        }
    }

    void flush() {
        if (offsets.isEmpty()) {
            return;
        }
        Map<String, int[]> additions = new LinkedHashMap<>();
        offsets.forEach((id, list) -> additions.put(id, list.toArray()));
        offsets.clear();
        held = 0;
        int part = firstPart + partsWritten.merge(chunk, 1, Integer::sum) - 1;
        postings.build(additions, part);
    }

    /** A growing int array: a chunk's offsets, 4 bytes each instead of a boxed list's 20. */
    private static final class Offsets {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
