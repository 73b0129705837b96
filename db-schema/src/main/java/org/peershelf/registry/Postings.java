package org.peershelf.registry;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * The posting sets of {@code resourceIndex}: for every key and chunk of listing numbers one document
 * {@code {_id: "<key>#<chunk>", d: [offsets], b<part>: bytes, f<random>: bytes}} whose set is the union of all of
 * them. A publish adds its offset to {@code d} ({@code $addToSet}); when {@code d} holds {@value #FOLD_AT}, the
 * publish folds {@code d} and every {@code f} field into one new {@code f} field ({@link PostingChunk} bytes) in one
 * update that also removes exactly what it folded. Migration 7 writes the {@code b} fields. Numbers are only ever
 * added and an update removes nothing it has not written elsewhere in the same document, so concurrent publishes
 * lose nothing and every write is idempotent, without compare-and-set: the embedded server scans the whole
 * collection for a filter with any field besides {@code _id}.
 */
final class Postings {
    static final String ADDED = "d";
    private static final String BUILT = "b";
    private static final String FOLDED = "f";
    /** Offsets a chunk keeps as an array (about 20 bytes each on the embedded server) before they are folded. */
    static final int FOLD_AT = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> index;

    Postings(MongoCollection<Document> index) {
        this.index = index;
    }

    static String chunkId(String key, int chunk) {
        return key + "#" + chunk;
    }

    /** Adds one listing number under every key: one read and one bulk write. */
    void add(int number, Collection<String> keys) {
        int chunk = PostingChunk.chunkOf(number);
        int offset = number % PostingChunk.SIZE;
        List<String> ids = keys.stream().map(k -> chunkId(k, chunk)).toList();
        Map<String, Document> current = read(ids);
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String id : ids) {
            Document doc = current.get(id);
            if (doc == null) {
                writes.add(new UpdateOneModel<>(eq(ResourceIndex.ID, id), Updates.addToSet(ADDED, offset),
                        new UpdateOptions().upsert(true)));
            } else if (!offsetsOrNone(doc).get(offset)) { // else already there: a resend
                writes.add(new UpdateOneModel<>(eq(ResourceIndex.ID, id), added(doc).size() + 1 < FOLD_AT
                        ? Updates.addToSet(ADDED, offset) : fold(doc, offset)));
            }
        }
        bulk(writes);
    }

    /**
     * One update that replaces {@code d} and the {@code f} fields as read by one new {@code f} field holding all of
     * them and {@code offset}. What another publish adds to {@code d} meanwhile stays in {@code d}; a fold racing
     * this one writes its own field, and the union is still complete.
     */
    private static Bson fold(Document doc, int offset) {
        BitSet offsets = new BitSet();
        List<Bson> updates = new ArrayList<>();
        for (Map.Entry<String, Object> field : doc.entrySet()) {
            if (field.getKey().startsWith(FOLDED) && field.getValue() instanceof Binary b) {
                offsets.or(decodeOrNone(b));
                updates.add(Updates.unset(field.getKey()));
            }
        }
        List<Integer> added = added(doc);
        added.forEach(offsets::set);
        offsets.set(offset);
        updates.add(Updates.set(FOLDED + HexFormat.of().toHexDigits(RANDOM.nextLong()),
                new Binary(PostingChunk.encode(offsets))));
        updates.add(Updates.pullAll(ADDED, added));
        return Updates.combine(updates);
    }

    /** Migration 7: the chunks' offsets as part {@code part} of what it builds ({@code $set}, so a rerun is equal). */
    void build(Map<String, int[]> offsetsByChunk, int part) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        offsetsByChunk.forEach((id, offsets) -> {
            BitSet set = new BitSet();
            for (int o : offsets) {
                set.set(o);
            }
            writes.add(new UpdateOneModel<>(eq(ResourceIndex.ID, id),
                    Updates.set(BUILT + part, new Binary(PostingChunk.encode(set))), new UpdateOptions().upsert(true)));
        });
        bulk(writes);
    }

    /**
     * The listing numbers under each key, reading every chunk below {@code listed} in one batched pass; a key
     * nothing is listed under has an empty set.
     *
     * @throws IllegalArgumentException when a chunk is not a valid encoding
     */
    Map<String, BitSet> numbers(Collection<String> keys, int listed) {
        int chunks = listed == 0 ? 0 : PostingChunk.chunkOf(listed - 1) + 1;
        Map<String, String> keyOfChunk = new HashMap<>();
        Map<String, BitSet> numbers = new HashMap<>();
        for (String key : keys) {
            numbers.put(key, new BitSet());
            for (int c = 0; c < chunks; c++) {
                keyOfChunk.put(chunkId(key, c), key);
            }
        }
        read(keyOfChunk.keySet()).forEach((id, doc) -> {
            BitSet offsets = offsets(doc);
            BitSet into = numbers.get(keyOfChunk.get(id));
            int base = Integer.parseInt(id.substring(id.lastIndexOf('#') + 1)) * PostingChunk.SIZE;
            for (int o = offsets.nextSetBit(0); o >= 0; o = offsets.nextSetBit(o + 1)) {
                into.set(base + o);
            }
        });
        return numbers;
    }

    /**
     * A chunk document's offsets: its {@code d} array and every bytes field.
     *
     * @throws IllegalArgumentException when a field is not a valid encoding
     */
    static BitSet offsets(Document doc) {
        BitSet offsets = new BitSet();
        for (Map.Entry<String, Object> field : doc.entrySet()) {
            if (field.getValue() instanceof Binary b) {
                offsets.or(PostingChunk.decode(b.getData()));
            }
        }
        for (int o : added(doc)) {
            if (o < 0 || o >= PostingChunk.SIZE) {
                throw new IllegalArgumentException("posting offset " + o + " beyond a chunk in " + doc.get(ResourceIndex.ID));
            }
            offsets.set(o);
        }
        return offsets;
    }

    /** For writing: a field that is not a valid encoding counts as empty (a fold then drops it). */
    private static BitSet offsetsOrNone(Document doc) {
        BitSet offsets = new BitSet();
        for (Object value : doc.values()) {
            if (value instanceof Binary b) {
                offsets.or(decodeOrNone(b));
            }
        }
        added(doc).forEach(o -> {
            if (o >= 0) {
                offsets.set(o);
            }
        });
        return offsets;
    }

    private static BitSet decodeOrNone(Binary b) {
        try {
            return PostingChunk.decode(b.getData());
        } catch (IllegalArgumentException e) {
            return new BitSet();
        }
    }

    private static List<Integer> added(Document doc) {
        List<Integer> out = new ArrayList<>();
        if (doc.get(ADDED) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Integer i) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private Map<String, Document> read(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        Map<String, Document> docs = new HashMap<>();
        for (int i = 0; i < all.size(); i += ListingNumbers.READ_BATCH) {
            index.find(in(ResourceIndex.ID, all.subList(i, Math.min(all.size(), i + ListingNumbers.READ_BATCH))))
                    .forEach(doc -> docs.put(String.valueOf(doc.get(ResourceIndex.ID)), doc));
        }
        return docs;
    }

    private void bulk(List<WriteModel<Document>> writes) {
        for (int i = 0; i < writes.size(); i += ResourceIndex.WRITE_BATCH) {
            index.bulkWrite(writes.subList(i, Math.min(writes.size(), i + ResourceIndex.WRITE_BATCH)),
                    new BulkWriteOptions().ordered(false));
        }
    }
}
