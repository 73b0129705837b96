package org.peershelf.registry;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The posting lists of {@code resourceIndex}: for every key and chunk of listing numbers one document
 * {@code {_id: "<key>#<chunk>", v: version, p: PostingChunk bytes}}. Written read-modify-write, compare-and-set on
 * {@code v}: the write of version v + 1 matches only version v, and an upsert of a chunk that another peer created
 * meanwhile fails on the duplicate {@code _id}; either way it is read again and retried. Numbers are only ever
 * added, so every write is idempotent and a retried or resent publish changes nothing.
 */
final class Postings {
    static final String VERSION = "v";
    static final String BYTES = "p";
    private static final int ATTEMPTS = 20;

    private final MongoCollection<Document> index;

    Postings(MongoCollection<Document> index) {
        this.index = index;
    }

    static String chunkId(String key, int chunk) {
        return key + "#" + chunk;
    }

    /** Adds one listing number under every key. */
    void add(int number, Collection<String> keys) {
        int chunk = PostingChunk.chunkOf(number);
        Map<String, int[]> additions = new LinkedHashMap<>();
        for (String key : keys) {
            additions.put(chunkId(key, chunk), new int[]{number % PostingChunk.SIZE});
        }
        merge(additions);
    }

    /**
     * Adds offsets to chunks ({@link #chunkId} → offsets within that chunk), each chunk one compare-and-set, a
     * slice of {@value ResourceIndex#WRITE_BATCH} chunks at a time (one read, one bulk write).
     *
     * @throws MongoException when a chunk kept changing under {@value #ATTEMPTS} attempts (the caller's outbox
     *                        retries the whole publish later)
     */
    void merge(Map<String, int[]> additions) {
        List<String> all = new ArrayList<>(additions.keySet());
        for (int i = 0; i < all.size(); i += ResourceIndex.WRITE_BATCH) {
            List<String> pending = all.subList(i, Math.min(all.size(), i + ResourceIndex.WRITE_BATCH));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == ATTEMPTS) {
                    throw new MongoException("search index entries kept changing while adding to them: " + pending);
                }
                pending = mergeOnce(pending, additions);
            }
        }
    }

    /** One read and one bulk write of these chunks; returns those that changed meanwhile. */
    private List<String> mergeOnce(List<String> chunkIds, Map<String, int[]> additions) {
        Map<String, Document> current = read(chunkIds);
        List<String> ids = new ArrayList<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String id : chunkIds) {
            Document doc = current.get(id);
            BitSet offsets = doc == null ? new BitSet() : offsetsOrNone(doc);
            BitSet merged = (BitSet) offsets.clone();
            for (int o : additions.get(id)) {
                merged.set(o);
            }
            if (doc != null && merged.equals(offsets)) {
                continue; // already there: a resend
            }
            Object version = doc == null ? 0 : doc.get(VERSION); // compared as stored, whatever it is
            ids.add(id);
            writes.add(new UpdateOneModel<>(and(eq(ResourceIndex.ID, id), eq(VERSION, version)),
                    Updates.combine(Updates.set(BYTES, new Binary(PostingChunk.encode(merged))),
                            Updates.set(VERSION, version instanceof Number n ? n.intValue() + 1 : 1)),
                    new UpdateOptions().upsert(true)));
        }
        List<String> changed = new ArrayList<>();
        if (writes.isEmpty()) {
            return changed;
        }
        try {
            index.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                changed.add(ids.get(error.getIndex())); // another peer wrote it since we read it: read again
            }
        }
        return changed;
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
        read(keyOfChunk.keySet()).forEach((id, doc) -> PostingChunk.addTo(numbers.get(keyOfChunk.get(id)),
                Integer.parseInt(id.substring(id.lastIndexOf('#') + 1)), bytes(doc)));
        return numbers;
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

    /** A chunk that is not a valid encoding is rewritten from scratch (its other numbers are lost until a rebuild). */
    private static BitSet offsetsOrNone(Document doc) {
        try {
            return PostingChunk.decode(bytes(doc));
        } catch (IllegalArgumentException e) {
            return new BitSet();
        }
    }

    private static byte[] bytes(Document doc) {
        Object value = doc.get(BYTES);
        if (value instanceof Binary b) {
            return b.getData();
        }
        throw new IllegalArgumentException("index entry " + doc.get(ResourceIndex.ID) + " has no posting bytes");
    }
}
